package gatewatch.sensor.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import gatewatch.features.extract.FeatureExtractor;
import gatewatch.features.extract.FeatureExtractor.ExtractorConfig;
import gatewatch.sensor.capture.CaptureStats;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a Prometheus server sees: names with unit and {@code _total} suffixes, tags as labels. */
class PrometheusTextTest {
    @Test
    void everyStageAppearsUnderItsPrometheusName() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        FeatureExtractor extractor = new FeatureExtractor(ExtractorConfig.defaults().withMaxConnections(16), r -> { });
        FrameBytes bytes = new FrameBytes(extractor);
        VerdictMetrics verdicts = new VerdictMetrics();
        new ExtractorMetrics(extractor).bindTo(registry);
        new CaptureMetrics(() -> new CaptureStats(7, 1, 0), bytes).bindTo(registry);
        new QueueMetrics(List.of(new FakeQueue("records", 4096))).bindTo(registry);
        new AlertMetrics(c -> 3, c -> 1, () -> 2).bindTo(registry);
        verdicts.bindTo(registry);

        Traffic traffic = new Traffic(bytes);
        traffic.tcpSession("10.0.0.1", 40000, "10.0.0.2", 80, "x");
        traffic.truncatedEthernet();
        extractor.finish();
        verdicts.record(40_000, 2);

        String text = registry.scrape();
        assertThat(text).contains(
                "gatewatch_decoder_frames_total 5.0",
                "gatewatch_decoder_packets_total 4.0",
                "gatewatch_decoder_malformed_frames_total{reason=\"link.truncated\"} 1.0",
                "gatewatch_decoder_malformed_frames_total{reason=\"ipv4.trunc_pkt\"} 0.0",
                "gatewatch_decoder_skipped_frames_total{reason=\"not_ip\"} 0.0",
                "gatewatch_tracker_open_connections 0.0",
                "gatewatch_tracker_created_connections_total 1.0",
                "gatewatch_tracker_finished_connections_total{reason=\"flushed\"} 1.0",
                "gatewatch_tracker_evicted_connections_total 0.0",
                "gatewatch_extractor_records_total 1.0",
                "gatewatch_content_connections_total{outcome=\"inspected\"} 1.0", // http is inspected
                "gatewatch_content_held_segments_total 0.0",
                "gatewatch_capture_received_frames_total 7.0",
                "gatewatch_capture_dropped_frames_total 1.0",
                "gatewatch_capture_interface_dropped_frames_total 0.0",
                "gatewatch_capture_bytes_total{kind=\"wire\"}",
                "gatewatch_pipeline_queue_depth_items{queue=\"records\"} 0.0",
                "gatewatch_pipeline_queue_capacity_items{queue=\"records\"} 4096.0",
                "gatewatch_pipeline_queue_dropped_items_total{queue=\"records\"} 0.0",
                "gatewatch_sink_alerts_total{category=\"dos\"} 3.0",
                "gatewatch_sink_suppressed_alerts_total{category=\"dos\"} 1.0",
                "gatewatch_sink_site_typical_connections_total 2.0",
                "gatewatch_detector_verdict_latency_seconds_count 2",
                "gatewatch_detector_verdict_latency_seconds_bucket{le=\"+Inf\"} 2");
        // No address or port ever becomes a label.
        assertThat(text).doesNotContain("10.0.0.1", "40000");
    }

    @Test
    void jvmAndProcessMetricsAreIncluded() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try (JvmMetrics jvm = new JvmMetrics()) {
            jvm.bindTo(registry);
            assertThat(registry.scrape()).contains("jvm_memory_used_bytes", "jvm_threads_live_threads",
                    "jvm_classes_loaded_classes", "process_uptime_seconds", "system_cpu_count", "jvm_gc_");
        }
    }
}
