package gatewatch.detector.model;

import static org.assertj.core.api.Assertions.assertThat;

import gatewatch.features.kdd.KddFeature;
import gatewatch.features.kdd.ProtocolType;
import gatewatch.features.kdd.Service;
import org.junit.jupiter.api.Test;

class LabelServicesTest {
    private static double[] row(ProtocolType p, Service s) {
        double[] r = new double[KddFeature.COUNT_OF_FEATURES];
        r[KddFeature.PROTOCOL_TYPE.ordinal()] = p.ordinal();
        r[KddFeature.SERVICE.ordinal()] = s.ordinal();
        return r;
    }

    private static int code(ProtocolType p, Service s) {
        return LabelServices.code(row(p, s), 0);
    }

    @Test
    void aLabelSeenOnPrivatePortsIsSeenOnOtherPortsOfTheSameProtocolAndBack() {
        // Label 0 (say teardrop) seen on udp/private only; label 1 on tcp/other only.
        long[] seen = LabelServices.of(new double[][] {row(ProtocolType.UDP, Service.PRIVATE), row(ProtocolType.TCP, Service.OTHER)},
                new int[] {0, 1}, 2);

        assertThat(LabelServices.seen(seen, 0, code(ProtocolType.UDP, Service.PRIVATE))).isTrue();
        assertThat(LabelServices.seen(seen, 0, code(ProtocolType.UDP, Service.OTHER))).isTrue();
        assertThat(LabelServices.seen(seen, 0, code(ProtocolType.TCP, Service.OTHER))).isFalse();
        assertThat(LabelServices.seen(seen, 0, code(ProtocolType.UDP, Service.DOMAIN_U))).isFalse();

        assertThat(LabelServices.seen(seen, 1, code(ProtocolType.TCP, Service.PRIVATE))).isTrue();
        assertThat(LabelServices.seen(seen, 1, code(ProtocolType.UDP, Service.PRIVATE))).isFalse();
        assertThat(LabelServices.seen(seen, 1, code(ProtocolType.TCP, Service.HTTP))).isFalse();
    }

    @Test
    void aCodeOutOfRangeAdmitsEveryLabel() {
        long[] seen = LabelServices.of(new double[][] {row(ProtocolType.UDP, Service.PRIVATE)}, new int[] {0}, 1);
        assertThat(LabelServices.seen(seen, 0, -1)).isTrue();
    }
}
