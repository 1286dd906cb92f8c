package gatewatch.sensor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import gatewatch.features.testing.BundledCapture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code replay} loads its model on a thread of its own while it opens its outputs and its
 * captures; what it reports is still what it reported when the model came first.
 */
class ReplayModelLoadCliTest {
    @TempDir
    Path dir;

    @Test
    void aMissingModelIsReportedBeforeAnAlertLogThatCannotBeOpened() throws IOException {
        Path missing = dir.resolve("missing.gwm");
        Path notADirectory = Files.writeString(dir.resolve("file"), "x");
        CliRun run = CliRun.of("replay", BundledCapture.PCAP.copyTo(dir).toString(), "--model", missing.toString(),
                "--alerts", notADirectory.resolve("alerts.json").toString());
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).isEqualTo("gatewatch: model " + missing + ": no such file or directory\n");
    }

    @Test
    void aMissingModelIsReportedBeforeAMissingCapture() {
        Path missing = dir.resolve("missing.gwm");
        CliRun run = CliRun.of("replay", dir.resolve("missing.pcap").toString(), "--model", missing.toString(),
                "--alerts", dir.resolve("alerts.json").toString());
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).isEqualTo("gatewatch: model " + missing + ": no such file or directory\n");
    }

    @Test
    void aMissingModelWritesNoSummary() {
        Path missing = dir.resolve("missing.gwm");
        CliRun run = CliRun.of("replay", BundledCapture.PCAP.copyTo(dir).toString(), "--model", missing.toString(),
                "--alerts", dir.resolve("alerts.json").toString());
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).isEqualTo("gatewatch: model " + missing + ": no such file or directory\n");
    }
}
