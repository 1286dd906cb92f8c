package gatewatch.sensor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** One line that names the file and says why; {@code --debug} everywhere; the exit code of DESIGN.md. */
class ErrorMessagesTest {
    @TempDir
    Path dir;

    @Test
    void everySubcommandAcceptsDebug() {
        Map<String, CommandLine> subcommands = GatewatchCommand.commandLine().getSubcommands();
        assertThat(subcommands).isNotEmpty();
        subcommands.forEach((name, sub) -> {
            if (!name.equals("help")) {
                assertThat(sub.getCommandSpec().findOption("--debug")).as("gatewatch %s --debug", name).isNotNull();
            }
        });
    }

    @Test
    void trainOnAnUnlabelledFileExitsThreeNamingFileAndLine() throws IOException {
        Path unlabelled = Files.writeString(dir.resolve("features.csv"),
                "0,udp,ntp_u,SF,48,48,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1,0.00,0.00,0.00,0.00,1.00,0.00,0.00,1,1,1.00,"
                        + "0.00,1.00,0.00,0.00,0.00,0.00,0.00\n");
        CliRun run = CliRun.of("train", "--data", unlabelled.toString(), "--out", dir.resolve("m.gwm").toString(), "--debug");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("gatewatch: " + unlabelled + ":1: no label");
        assertThat(dir.resolve("m.gwm")).doesNotExist();
    }

    @Test
    void aPathWithoutAReasonGetsOne() {
        assertThat(ExitCodes.message(new NoSuchFileException("/x/y.csv"))).isEqualTo("/x/y.csv: no such file or directory");
        assertThat(ExitCodes.message(new UncheckedIOException(new AccessDeniedException("/root/r.jsonl"))))
                .isEqualTo("/root/r.jsonl: permission denied");
        assertThat(ExitCodes.message(new IllegalStateException("as it was"))).isEqualTo("as it was");
    }

    @Test
    void anOutputInAMissingFolderSaysSo() {
        Path out = dir.resolve("no/such/folder/x.csv");
        CliRun run = CliRun.of("features", dir.resolve("missing.pcap").toString(), "-o", out.toString());
        assertThat(run.err()).isEqualTo("gatewatch: " + out + ": no such file or directory\n");
    }

    @Test
    void aConfigurationThatIsADirectorySaysSo() {
        CliRun run = CliRun.of("run", "--config", dir.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("gatewatch: configuration file " + dir + ": is a directory\n");
    }
}
