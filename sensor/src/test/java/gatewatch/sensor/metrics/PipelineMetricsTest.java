package gatewatch.sensor.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gatewatch.detector.model.Category;
import gatewatch.features.extract.FeatureExtractor;
import gatewatch.features.extract.FeatureExtractor.ExtractorConfig;
import gatewatch.sensor.capture.CaptureStats;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.ref.WeakReference;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Capture, queue, alert and verdict binders. */
class PipelineMetricsTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void captureReadsTheSourceStatsAndTheFrameBytes() {
        AtomicReference<CaptureStats> stats = new AtomicReference<>(CaptureStats.NONE);
        FeatureExtractor extractor = new FeatureExtractor(ExtractorConfig.defaults().withMaxConnections(16), r -> { });
        FrameBytes bytes = new FrameBytes(extractor);
        new CaptureMetrics(stats::get, bytes).bindTo(registry);

        new Traffic(bytes).tcpSession("10.0.0.1", 40000, "10.0.0.2", 80, "hello");
        stats.set(new CaptureStats(4, 2, 1));

        assertThat(registry.get("gatewatch.capture.received").functionCounter().count()).isEqualTo(4);
        assertThat(registry.get("gatewatch.capture.dropped").functionCounter().count()).isEqualTo(2);
        assertThat(registry.get("gatewatch.capture.interface.dropped").functionCounter().count()).isEqualTo(1);
        // Three bare segments of 14 + 20 + 20 bytes, and one with 5 bytes of payload.
        assertThat(registry.get("gatewatch.capture.bytes").tag("kind", "wire").functionCounter().count())
                .isEqualTo(4 * 54 + 5);
        assertThat(bytes.capturedBytes()).isEqualTo(bytes.wireBytes());
        // The byte counter passes every frame on.
        assertThat(extractor.decodeCounters().frames()).isEqualTo(4);
    }

    @Test
    void captureWithoutAByteCounterHasNoBytesSeries() {
        new CaptureMetrics(() -> CaptureStats.NONE, null).bindTo(registry);
        assertThat(registry.find("gatewatch.capture.bytes").meters()).isEmpty();
        assertThat(registry.get("gatewatch.capture.received").functionCounter().count()).isZero();
    }

    @Test
    void queuesAreTaggedByName() {
        FakeQueue records = new FakeQueue("records", 4096);
        FakeQueue verdicts = new FakeQueue("verdicts", 1024);
        new QueueMetrics(List.of(records, verdicts)).bindTo(registry);
        records.depth = 17;
        records.offered = 100;
        records.dropped = 3;

        assertThat(registry.get("gatewatch.pipeline.queue.depth").tag("queue", "records").gauge().value()).isEqualTo(17);
        assertThat(registry.get("gatewatch.pipeline.queue.capacity").tag("queue", "records").gauge().value())
                .isEqualTo(4096);
        assertThat(registry.get("gatewatch.pipeline.queue.offered").tag("queue", "records").functionCounter().count())
                .isEqualTo(100);
        assertThat(registry.get("gatewatch.pipeline.queue.dropped").tag("queue", "records").functionCounter().count())
                .isEqualTo(3);
        assertThat(registry.get("gatewatch.pipeline.queue.depth").tag("queue", "verdicts").gauge().value()).isZero();
    }

    @Test
    void twoQueuesUnderOneNameAreRefused() {
        assertThatThrownBy(() -> new QueueMetrics(List.of(new FakeQueue("records", 1), new FakeQueue("records", 2))))
                .hasMessageContaining("records");
    }

    @Test
    void alertsHaveOneSeriesPerAlertCategoryAndNoneForNormal() {
        Map<Category, Long> counts = new EnumMap<>(Category.class);
        new AlertMetrics(c -> counts.getOrDefault(c, 0L), c -> 0L, () -> 0L).bindTo(registry);
        counts.put(Category.DOS, 12L);
        counts.put(Category.ANOMALY, 2L);
        counts.put(Category.MITM, 1L);

        assertThat(registry.get("gatewatch.sink.alerts").tag("category", "dos").functionCounter().count()).isEqualTo(12);
        assertThat(registry.get("gatewatch.sink.alerts").tag("category", "anomaly").functionCounter().count())
                .isEqualTo(2);
        assertThat(registry.get("gatewatch.sink.alerts").tag("category", "u2r").functionCounter().count()).isZero();
        assertThat(registry.get("gatewatch.sink.alerts").tag("category", "mitm").functionCounter().count()).isOne();
        assertThat(registry.get("gatewatch.sink.alerts").functionCounters()).hasSize(6);
        assertThat(registry.find("gatewatch.sink.alerts").tag("category", "normal").meters()).isEmpty();
    }

    @Test
    void detectorCountersFollowTheStage() {
        long[] made = {0};
        long[] hits = {0};
        new DetectorMetrics(() -> made[0], () -> hits[0]).bindTo(registry);
        made[0] = 1000;
        hits[0] = 640;

        assertThat(registry.get("gatewatch.detector.verdicts").functionCounter().count()).isEqualTo(1000);
        assertThat(registry.get("gatewatch.detector.memo.hits").functionCounter().count()).isEqualTo(640);
    }

    @Test
    void verdictLatencyRecordsEachVerdictOfABatchWithTheBatchAverage() {
        VerdictMetrics verdicts = new VerdictMetrics();
        verdicts.record(1_000, 4); // before binding: nowhere to go, and no failure
        verdicts.bindTo(registry);
        verdicts.record(8_000, 4);
        verdicts.record(5_000, 0);

        var timer = registry.get("gatewatch.detector.verdict.latency").timer();
        assertThat(timer.count()).isEqualTo(4);
        assertThat(timer.totalTime(TimeUnit.NANOSECONDS)).isEqualTo(8_000);
        assertThat(timer.max(TimeUnit.NANOSECONDS)).isEqualTo(2_000);
        assertThatThrownBy(() -> verdicts.bindTo(new SimpleMeterRegistry())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anAdapterNobodyElseKeepsIsNotCollectedFromUnderItsMeters() {
        FakeQueue queue = new FakeQueue("records", 8);
        queue.dropped = 5;
        WeakReference<FakeQueue> watch = new WeakReference<>(queue);
        new QueueMetrics(List.of(queue)).bindTo(registry);
        queue = null;
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        assertThat(watch.get()).isNotNull();
        assertThat(registry.get("gatewatch.pipeline.queue.dropped").functionCounter().count()).isEqualTo(5);
    }
}
