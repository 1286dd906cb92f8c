package gatewatch.sensor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import gatewatch.sensor.alert.AlertLimit;
import gatewatch.sensor.alert.JsonLinesLog;
import gatewatch.sensor.alert.LogFileConfig;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one place where the optional outputs become the sink stage's lists of sinks. */
class OutputsTest {
    @TempDir
    Path tmp;

    @Test
    void theAlertLogWinsOverTheStreamAndTheRecordsLogIsARecordSink() throws Exception {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        try (JsonLinesLog alerts = new JsonLinesLog(LogFileConfig.simple(tmp.resolve("a.json")));
                JsonLinesLog records = new JsonLinesLog(LogFileConfig.simple(tmp.resolve("r.json")))) {
            Outputs both = new Outputs(alerts, stdout, records, List.of(), "t", AlertLimit.OFF);
            assertThat(both.alertSinks()).containsExactly(AlertSink.logFile("alerts", alerts));
            assertThat(both.recordSinks()).containsExactly(AlertSink.logFile("records", records));
            assertThat(both.alertSinks().getFirst().loss()).get().extracting(LogLoss::log).isEqualTo("alerts");
        }
        Outputs streamOnly = new Outputs(null, stdout, null, List.of(), "t", AlertLimit.OFF);
        assertThat(streamOnly.recordSinks()).isEmpty();
        AlertSink sink = streamOnly.alertSinks().getFirst();
        sink.write("{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        sink.endBatch();
        assertThat(stdout.toString(StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}\n");
        assertThat(sink.loss()).isEmpty();
        assertThat(new Outputs(null, null, null, List.of(), "t", AlertLimit.OFF).alertSinks()).isEmpty();
    }
}
