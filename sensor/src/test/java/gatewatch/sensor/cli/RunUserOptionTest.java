package gatewatch.sensor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunUserOptionTest {
    @TempDir
    Path dir;

    /** Checked before the capture or any log is opened: nothing is left behind. */
    @Test
    void aUserThatDoesNotExistStopsTheDaemonAtStart() throws Exception {
        Path alerts = dir.resolve("alerts.json");

        CliRun o = CliRun.of("run", "--interface", "lo", "--alerts", alerts.toString(), "--user", "gw-no-such-user");

        assertThat(o.exitCode()).as(o.err()).isEqualTo(2);
        assertThat(o.err()).contains("no user 'gw-no-such-user'");
        assertThat(Files.exists(alerts)).isFalse();
    }

    @Test
    void sensorUserComesFromTheConfigurationAndSurvivesSensorName() throws Exception {
        Path config = Files.writeString(dir.resolve("c.yaml"), "sensor:\n  user: gw-no-such-user\n");

        CliRun o = CliRun.of("run", "--interface", "lo", "--config", config.toString(), "--alerts",
                dir.resolve("a.json").toString(), "--sensor-name", "gw1");

        assertThat(o.exitCode()).as(o.err()).isEqualTo(2);
        assertThat(o.err()).contains("no user 'gw-no-such-user'");
    }
}
