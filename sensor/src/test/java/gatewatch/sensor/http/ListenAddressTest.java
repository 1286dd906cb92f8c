package gatewatch.sensor.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gatewatch.sensor.config.ConfigException;
import gatewatch.sensor.config.MetricsSection;
import org.junit.jupiter.api.Test;

/** Where the endpoint may listen: loopback by default, and only loopback with the scoring API on. */
class ListenAddressTest {
    private static final Scorer NONE = (batch, n, out) -> { };

    @Test
    void theDefaultsAreLoopbackPort9810WithoutTheScoringApi() {
        HttpServerConfig c = HttpServerConfig.of(new MetricsSection(null, null, null, null, null, null, null, null, null));
        assertThat(c.host()).isEqualTo("127.0.0.1");
        assertThat(c.port()).isEqualTo(9810);
        assertThat(c.scoreApi()).isFalse();
        assertThat(c.maxRequestBytes()).isEqualTo(1 << 20);
        assertThat(c.maxRecords()).isEqualTo(HttpServerConfig.DEFAULT_MAX_RECORDS);
    }

    @Test
    void theScoringApiIsRefusedOnAnAddressOtherThanLoopback() {
        for (String host : new String[] {"0.0.0.0", "192.0.2.10", "::"}) {
            HttpServerConfig c = new HttpServerConfig(host, 0, true, 4096, 10);
            assertThatThrownBy(() -> new TestServer(c, () -> Health.OK, NONE))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("metrics.score_api")
                    .hasMessageContaining("metrics.listen")
                    .hasMessageContaining("loopback");
        }
    }

    @Test
    void theScoringApiIsServedOnLoopbackByNameOrAddress() {
        for (String host : new String[] {"localhost", "127.0.0.1"}) {
            try (TestServer s = new TestServer(new HttpServerConfig(host, 0, true, 4096, 10), () -> Health.OK, NONE)) {
                assertThat(s.address.getAddress().isLoopbackAddress()).isTrue();
            }
        }
    }

    @Test
    void aPortInUseFailsNamingTheKey() {
        try (TestServer first = TestServer.plain(() -> Health.OK)) {
            HttpServerConfig same = new HttpServerConfig("127.0.0.1", first.address.getPort(), false, 4096, 10);
            assertThatThrownBy(() -> new TestServer(same, () -> Health.OK, null))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageStartingWith("metrics.listen: cannot listen on 127.0.0.1:" + first.address.getPort());
        }
    }

    @Test
    void anUnknownHostFailsNamingTheKey() {
        HttpServerConfig c = new HttpServerConfig("no-such-host.invalid", 0, false, 4096, 10);
        assertThatThrownBy(() -> new TestServer(c, () -> Health.OK, null))
                .isInstanceOf(ConfigException.class).hasMessageContaining("metrics.listen: unknown host");
    }
}
