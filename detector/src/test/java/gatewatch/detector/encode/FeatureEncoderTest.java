package gatewatch.detector.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gatewatch.detector.data.LabelledData;
import gatewatch.detector.model.Category;
import gatewatch.features.kdd.KddFeature;
import gatewatch.features.kdd.KddFlag;
import gatewatch.features.kdd.Service;
import org.junit.jupiter.api.Test;

class FeatureEncoderTest {
    private static double[] row(Service s, KddFlag f, double srcBytes) {
        double[] v = new double[41];
        v[KddFeature.SERVICE.ordinal()] = s.ordinal();
        v[KddFeature.FLAG.ordinal()] = f.ordinal();
        v[KddFeature.SRC_BYTES.ordinal()] = srcBytes;
        v[KddFeature.COUNT.ordinal()] = 7;
        return v;
    }

    private final LabelledData data = new LabelledData(
            new double[][] {row(Service.HTTP, KddFlag.SF, 100), row(Service.HTTP, KddFlag.SF, 200),
                row(Service.PRIVATE, KddFlag.S0, 0), row(Service.SMTP, KddFlag.SF, 50), row(Service.SMTP, KddFlag.S0, 0)},
            new String[] {"normal", "normal", "neptune", "normal", "neptune"},
            new Category[] {Category.NORMAL, Category.NORMAL, Category.DOS, Category.NORMAL, Category.DOS},
            new int[] {-1, -1, -1, -1, -1});

    @Test
    void symbolsAreRankedByTheirShareOfAttacks() {
        FeatureEncoder e = FeatureEncoder.fit(data);
        double[] http = e.encode(row(Service.HTTP, KddFlag.SF, 0));
        double[] smtp = e.encode(row(Service.SMTP, KddFlag.SF, 0));
        double[] priv = e.encode(row(Service.PRIVATE, KddFlag.S0, 0));
        int s = KddFeature.SERVICE.ordinal();
        // http: 0 % attacks, smtp: 50 %, private: 100 %.
        assertThat(http[s]).isEqualTo(0.0);
        assertThat(smtp[s]).isEqualTo(1.0);
        assertThat(priv[s]).isEqualTo(2.0);
        assertThat(priv[KddFeature.FLAG.ordinal()]).isGreaterThan(http[KddFeature.FLAG.ordinal()]);
    }

    @Test
    void unseenSymbolsAreExplicitAndVolumesAreLogScaled() {
        FeatureEncoder e = FeatureEncoder.fit(data);
        double[] v = e.encode(row(Service.OTH_I, KddFlag.RSTRH, 1023));
        assertThat(v[KddFeature.SERVICE.ordinal()]).isEqualTo(FeatureEncoder.UNSEEN);
        assertThat(v[KddFeature.FLAG.ordinal()]).isEqualTo(FeatureEncoder.UNSEEN);
        assertThat(v[KddFeature.SRC_BYTES.ordinal()]).isEqualTo(Math.log1p(1023));
        assertThat(v[KddFeature.COUNT.ordinal()]).isEqualTo(7.0);
    }

    @Test
    void aTableOfTheWrongSizeIsRefused() {
        double[][] ranks = FeatureEncoder.fit(data).ranks();
        ranks[KddFeature.SERVICE.ordinal()] = new double[3];
        assertThatThrownBy(() -> new FeatureEncoder(ranks)).isInstanceOf(IllegalArgumentException.class);
    }

    private static double[] today(Service s, KddFlag zeek) {
        double[] v = java.util.Arrays.copyOf(row(s, KddFlag.SF, 100), DetectorRow.WIDTH);
        v[KddFeature.PROTOCOL_TYPE.ordinal()] = gatewatch.features.kdd.ProtocolType.UDP.ordinal();
        v[DetectorRow.CONN_STATE] = zeek.ordinal();
        return v;
    }

    @Test
    void connStateIsRankedLikeFlagOverRowsOfBothWorlds() {
        LabelledData both = data.concat(new LabelledData(
                new double[][] {today(Service.DOMAIN_U, KddFlag.SF), today(Service.DOMAIN_U, KddFlag.S0)},
                new String[] {"normal", "udp_reflection"}, new Category[] {Category.NORMAL, Category.DOS}, new int[] {-1, -1}));
        FeatureEncoder e = FeatureEncoder.fit(both);
        int state = DetectorRow.CONN_STATE;
        // The KDD rows are TCP: their conn_state is their flag (SF: normal, S0: neptune), ranked with today's.
        double[] kdd = e.encode(row(Service.HTTP, KddFlag.SF, 100));
        assertThat(kdd).hasSize(DetectorRow.WIDTH);
        double[] answered = e.encode(today(Service.DOMAIN_U, KddFlag.SF));
        double[] unanswered = e.encode(today(Service.DOMAIN_U, KddFlag.S0));
        assertThat(kdd[state]).isEqualTo(answered[state]);
        assertThat(unanswered[state]).isGreaterThan(answered[state]);
        assertThat(e.encode(today(Service.DOMAIN_U, KddFlag.RSTRH))[state]).isEqualTo(FeatureEncoder.UNSEEN);
    }
}
