package gatewatch.sensor.http;

import static org.assertj.core.api.Assertions.assertThat;

import gatewatch.features.extract.FeatureExtractor;
import gatewatch.features.extract.FeatureExtractor.ExtractorConfig;
import gatewatch.sensor.metrics.ExtractorMetrics;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** {@code /metrics}, {@code /healthz} and the answers to everything else, over real HTTP. */
class HttpServerTest {
    private final AtomicReference<Health> health = new AtomicReference<>(Health.OK);

    @Test
    void metricsServesThePrometheusTextOfTheRegistryAsItIsNow() {
        FeatureExtractor extractor = new FeatureExtractor(ExtractorConfig.defaults().withMaxConnections(16), r -> { });
        try (TestServer s = TestServer.plain(health::get)) {
            new ExtractorMetrics(extractor).bindTo(s.registry);
            byte[] runt = new byte[10];
            extractor.onFrame(runt, 0, runt.length, runt.length, 1, 1L);

            HttpResponse<String> r = s.get("/metrics");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("content-type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
            assertThat(r.headers().firstValueAsLong("content-length")).hasValue(r.body().getBytes().length);
            assertThat(r.body()).contains("gatewatch_decoder_malformed_frames_total{reason=\"link.truncated\"} 1.0");

            extractor.onFrame(runt, 0, runt.length, runt.length, 1, 2L);
            assertThat(s.get("/metrics").body())
                    .contains("gatewatch_decoder_malformed_frames_total{reason=\"link.truncated\"} 2.0");
        }
    }

    @Test
    void metricsAnswersInOpenMetricsWhenAskedAsPrometheusDoes() {
        try (TestServer s = TestServer.plain(health::get)) {
            s.registry.counter("gatewatch.test.things").increment();
            HttpResponse<String> r = s.send(s.request("/metrics").header("Accept",
                    "application/openmetrics-text;version=1.0.0;q=0.5,text/plain;version=0.0.4;q=0.2,*/*;q=0.1").build());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("content-type"))
                    .hasValue("application/openmetrics-text; version=1.0.0; charset=utf-8");
            assertThat(r.body()).contains("gatewatch_test_things_total 1.0").endsWith("# EOF\n");
        }
    }

    @Test
    void healthIs200OkOr503WithItsReason() {
        try (TestServer s = TestServer.plain(health::get)) {
            HttpResponse<String> ok = s.get("/healthz");
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.body()).isEqualTo("ok\n");
            assertThat(ok.headers().firstValue("content-type")).hasValue("text/plain; charset=utf-8");

            health.set(Health.unhealthy("capture thread stopped:\n interface eth0 went away"));
            HttpResponse<String> down = s.get("/healthz");
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.body()).isEqualTo("capture thread stopped:; interface eth0 went away\n");
        }
    }

    @Test
    void aHealthCheckThatThrowsIsUnhealthy() {
        try (TestServer s = TestServer.plain(() -> {
            throw new IllegalStateException("pipeline not wired");
        })) {
            HttpResponse<String> r = s.get("/healthz");
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.body()).contains("health check failed", "pipeline not wired");
        }
    }

    @Test
    void unknownPathsAre404AndWrongMethods405WithAllow() {
        try (TestServer s = TestServer.plain(health::get)) {
            HttpResponse<String> missing = s.get("/metrics/x");
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.body()).contains("no such path: /metrics/x", "/metrics", "/healthz");

            HttpResponse<String> post = s.post("/metrics", "text/plain", "x");
            assertThat(post.statusCode()).isEqualTo(405);
            assertThat(post.headers().firstValue("allow")).hasValue("GET");
            assertThat(post.body()).contains("POST is not allowed on /metrics");

            HttpResponse<String> delete = s.send(s.request("/healthz").DELETE().build());
            assertThat(delete.statusCode()).isEqualTo(405);
        }
    }

    @Test
    void theScoringApiIsNotThereWhenOff() {
        try (TestServer s = TestServer.plain(health::get)) {
            HttpResponse<String> r = s.post("/v1/score", "text/csv", "");
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(r.body()).contains("serving /metrics, /healthz)").doesNotContain(", /v1/score");
        }
    }

    @Test
    void queryStringsDoNotChangeTheRoute() {
        try (TestServer s = TestServer.plain(health::get)) {
            assertThat(s.get("/healthz?verbose=1").statusCode()).isEqualTo(200);
        }
    }
}
