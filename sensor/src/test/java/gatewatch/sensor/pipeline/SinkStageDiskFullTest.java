package gatewatch.sensor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import gatewatch.detector.model.Category;
import gatewatch.sensor.alert.AlertLimit;
import gatewatch.sensor.alert.JsonLinesLog;
import gatewatch.sensor.alert.LogCapture;
import gatewatch.sensor.alert.LogFileConfig;
import gatewatch.sensor.alert.LogWriteMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import gatewatch.sensor.alert.SmallTmpfs;
import gatewatch.sensor.alert.WholeLines;
import gatewatch.sensor.alert.Suppression;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon's sink with its alert and records logs on a real full disk (a 64 KB tmpfs): it keeps
 * taking verdicts, hands every alert to the forwarders, writes whole lines only, counts exactly
 * what it could not write, and writes again once space is freed.
 */
class SinkStageDiskFullTest {

    @TempDir
    Path tmp;

    private static long nowNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    private static void feed(StageQueue<Scored> in, SinkStage sink, List<Scored> scored) throws InterruptedException {
        long target = sink.connections() + scored.size();
        scored.forEach(in::put);
        while (sink.connections() < target) {
            Thread.sleep(5);
        }
        Thread.sleep(50); // the batch's end: the logs write what they gathered
    }

    @Test
    void aFullDiskCostsLinesCountedExactlyNotTheSensorAndWritingResumes() throws Exception {
        try (SmallTmpfs fs = SmallTmpfs.mount(tmp.resolve("disk"), "64k"); LogCapture logs = LogCapture.of(JsonLinesLog.class)) {
            Path filler = fs.fillLeaving(30_000);
            Path alertsPath = fs.dir().resolve("alerts.json");
            Path recordsPath = fs.dir().resolve("records.json");
            AtomicLong forwarded = new AtomicLong();
            AlertListener forwarder = new AlertListener() {
                @Override
                public void onScored(Scored s, byte[] alertJson) {
                    if (alertJson != null) {
                        forwarded.incrementAndGet();
                    }
                }

                @Override
                public void onSuppressed(Suppression s, byte[] json) {
                }
            };
            StageQueue<Scored> in = new StageQueue<>("verdicts", 1024, FullQueuePolicy.DROP);
            try (JsonLinesLog alerts = new JsonLinesLog(LogFileConfig.simple(alertsPath), Duration.ZERO);
                    JsonLinesLog records = new JsonLinesLog(LogFileConfig.simple(recordsPath), Duration.ZERO)) {
                SinkStage sink = new SinkStage(in, new Outputs(alerts, null, records, List.of(forwarder), "t", AlertLimit.OFF));
                SimpleMeterRegistry metrics = new SimpleMeterRegistry();
                new LogWriteMetrics(alerts, records).bindTo(metrics);
                sink.useWallClock();
                Thread t = Thread.ofPlatform().name("sink").start(sink);

                feed(in, sink, SinkStageLimitTest.flood(200, nowNanos()));
                assertThat(t.isAlive()).as("the sink goes on").isTrue();
                assertThat(sink.alerts(Category.DOS)).isEqualTo(200);
                assertThat(forwarded).hasValue(200);
                assertThat(alerts.lost()).isPositive();
                assertThat(records.lost()).isPositive();
                assertThat(alerts.written() + alerts.lost()).isEqualTo(200);
                assertThat(records.written() + records.lost()).isEqualTo(200);
                assertThat(WholeLines.count(alertsPath, "src_ip")).isEqualTo(alerts.written());
                assertThat(WholeLines.count(recordsPath, "src_ip")).isEqualTo(records.written());
                assertThat(metrics.get("gatewatch.log.lost_lines").tag("log", "alerts").functionCounter().count())
                        .isEqualTo(alerts.lost());
                assertThat(metrics.get("gatewatch.log.writing").tag("log", "records").gauge().value()).isZero();
                long lostAlerts = alerts.lost();
                long lostRecords = records.lost();

                Files.delete(filler);
                feed(in, sink, SinkStageLimitTest.flood(10, nowNanos()));
                in.close();
                t.join();
                assertThat(alerts.lost()).isEqualTo(lostAlerts);
                assertThat(records.lost()).isEqualTo(lostRecords);
                assertThat(alerts.written() + alerts.lost()).isEqualTo(210);
                assertThat(records.written() + records.lost()).isEqualTo(210);
                assertThat(WholeLines.count(alertsPath, "src_ip")).isEqualTo(alerts.written());
                assertThat(WholeLines.count(recordsPath, "src_ip")).isEqualTo(records.written());
                assertThat(sink.logLosses()).extracting(LogLoss::log, LogLoss::lost, LogLoss::reason).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("alerts", lostAlerts, "No space left on device"),
                        org.assertj.core.groups.Tuple.tuple("records", lostRecords, "No space left on device"));
                assertThat(alerts.problem()).isNull();
                assertThat(metrics.get("gatewatch.log.lost_lines").tag("log", "records").functionCounter().count())
                        .isEqualTo(lostRecords);
                assertThat(metrics.get("gatewatch.log.writing").tag("log", "records").gauge().value()).isOne();
            }
            // One line when each log's trouble starts, one when it is over, with the count.
            assertThat(logs.lines()).filteredOn(l -> l.contains(alertsPath.toString())).hasSize(2)
                    .anySatisfy(l -> assertThat(l).startsWith("ERROR").contains("No space left on device"))
                    .anySatisfy(l -> assertThat(l).startsWith("WARN").contains("writing again"));
            assertThat(logs.lines()).filteredOn(l -> l.contains(recordsPath.toString())).hasSize(2);
        }
    }
}
