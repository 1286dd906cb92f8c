package gatewatch.sensor.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

class BuildInfoMetricsTest {
    @Test
    void buildInfoIsOneWithWhatIsRunningAsLabels() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new BuildInfoMetrics("0.9.1", "kdd99-2026-11-30", "1.10.5 (with TPACKET_V3)").bindTo(registry);
        String line = registry.scrape().lines().filter(l -> l.startsWith("gatewatch_build_info{")).findFirst().orElseThrow();
        assertThat(line)
                .contains("version=\"0.9.1\"")
                .contains("model=\"kdd99-2026-11-30\"")
                .contains("java=\"" + Runtime.version() + "\"")
                .contains("libpcap=\"1.10.5 (with TPACKET_V3)\"")
                .endsWith("} 1");
    }

    @Test
    void theVersionComesFromTheBuild() {
        assertThat(BuildInfoMetrics.gatewatchVersion()).isNotBlank().isNotEqualTo("unknown");
    }
}
