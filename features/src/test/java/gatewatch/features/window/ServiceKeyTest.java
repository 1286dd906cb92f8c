package gatewatch.features.window;

import static org.assertj.core.api.Assertions.assertThat;

import gatewatch.features.kdd.Service;
import org.junit.jupiter.api.Test;

class ServiceKeyTest {

    @Test
    void namedServicesAreOneKeyWhateverThePort() {
        assertThat(ServiceKey.of(Service.X11, 6, 6000)).isEqualTo(ServiceKey.of(Service.X11, 6, 6001));
        assertThat(ServiceKey.of(Service.ECO_I, 1, 0)).isNotEqualTo(ServiceKey.of(Service.ECR_I, 1, 0));
    }

    @Test
    void privateAndOtherAreOneKeyPerProtocolAndPort() {
        assertThat(ServiceKey.of(Service.PRIVATE, 6, 40000)).isNotEqualTo(ServiceKey.of(Service.PRIVATE, 6, 40001));
        assertThat(ServiceKey.of(Service.PRIVATE, 6, 40000)).isEqualTo(ServiceKey.of(Service.PRIVATE, 6, 40000));
        assertThat(ServiceKey.of(Service.PRIVATE, 6, 40000)).isNotEqualTo(ServiceKey.of(Service.PRIVATE, 17, 40000));
        assertThat(ServiceKey.of(Service.OTHER, 6, 1)).isNotEqualTo(ServiceKey.of(Service.OTHER, 6, 2));
    }

    @Test
    void portKeysNeverMeetServiceKeys() {
        for (Service s : Service.values()) {
            assertThat(ServiceKey.of(s, 1, 0)).isLessThan(1 << 16);
        }
        for (int port = 0; port < 65536; port++) {
            assertThat(ServiceKey.of(Service.PRIVATE, 6, port)).isGreaterThanOrEqualTo(6 << 16);
            assertThat(ServiceKey.of(Service.OTHER, 17, port)).isGreaterThanOrEqualTo(6 << 16);
        }
    }
}
