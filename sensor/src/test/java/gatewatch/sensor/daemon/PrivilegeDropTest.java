package gatewatch.sensor.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The drop cannot be undone, so the root test runs {@code gatewatch run --user nobody} as a child
 * process, on the loopback of a network namespace made here (no traffic is sent), and reads its
 * /proc status while it captures.
 */
class PrivilegeDropTest {
    private static final String NETNS = "pkg-privdrop";

    @TempDir
    Path dir;

    @Test
    void looksUsersUpInTheSystemsDatabase() {
        PrivilegeDrop p = new PrivilegeDrop();
        assertThat(p.lookup("root")).hasValueSatisfying(a -> {
            assertThat(a.uid()).isZero();
            assertThat(a.gid()).isZero();
        });
        assertThat(p.lookup("gw-no-such-user")).isEmpty();
    }

    @Test
    void asRootTheDaemonRunsAsTheUserWithNoCapability() throws Exception {
        assumeTrue(isRoot(), "skipped: dropping privileges needs root (CI runs as root)");
        assumeTrue(new PrivilegeDrop().lookup("nobody").isPresent(), "skipped: no user nobody");
        Path alerts = dir.resolve("alerts.json");
        Path log = dir.resolve("daemon.log");
        shell("ip", "netns", "del", NETNS); // a run cut short may have left it
        assertThat(shell("ip", "netns", "add", NETNS)).isZero();
        Process daemon = null;
        try {
            assertThat(shell("ip", "-n", NETNS, "link", "set", "lo", "up")).isZero();
            List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", NETNS,
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "--enable-native-access=ALL-UNNAMED",
                    "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                    "gatewatch.sensor.cli.Main", "run", "--interface", "lo", "--user", "nobody", "--alerts", alerts.toString()));
            // ip netns exec execs the command: the child's pid is the daemon's.
            daemon = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            String status = awaitDropped(daemon, log);

            int nobody = new PrivilegeDrop().lookup("nobody").orElseThrow().uid();
            assertThat(field(status, "Uid:")).as(status).isEqualTo(List.of(nobody, nobody, nobody, nobody).stream()
                    .map(String::valueOf).reduce((a, b) -> a + "\t" + b).orElseThrow());
            assertThat(field(status, "CapEff:")).isEqualTo("0000000000000000");
            assertThat(field(status, "CapPrm:")).isEqualTo("0000000000000000");
            assertThat(field(status, "CapAmb:")).isEqualTo("0000000000000000");
            assertThat(field(status, "Gid:").split("\\s+")).as(status).containsOnly(
                    String.valueOf(new PrivilegeDrop().lookup("nobody").orElseThrow().gid()));
            assertThat(((Number) Files.getAttribute(alerts, "unix:uid")).intValue()).as("the alert log is handed over")
                    .isEqualTo(nobody);

            daemon.destroy(); // SIGTERM: flushes and exits 0, as the user
            assertThat(daemon.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(daemon.exitValue()).as(Files.readString(log)).isZero();
        } finally {
            if (daemon != null && daemon.isAlive()) {
                daemon.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
            shell("ip", "netns", "del", NETNS);
        }
    }

    /** Waits for the daemon's "now running as" line and returns its /proc status then. */
    private static String awaitDropped(Process daemon, Path log) throws IOException, InterruptedException {
        for (int i = 0; i < 600; i++) {
            String text = Files.exists(log) ? Files.readString(log) : "";
            if (text.contains("now running as nobody")) {
                return Files.readString(Path.of("/proc", Long.toString(daemon.pid()), "status"));
            }
            if (!daemon.isAlive()) {
                throw new AssertionError("gatewatch run ended before dropping privileges:\n" + text);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("gatewatch run did not drop privileges:\n" + Files.readString(log));
    }

    private static String field(String status, String name) {
        return status.lines().filter(l -> l.startsWith(name)).map(l -> l.substring(name.length()).strip()).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " in " + status));
    }

    private static int shell(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }

    private static boolean isRoot() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("Uid:"))
                .anyMatch(l -> l.split("\\s+")[1].equals("0"));
    }
}
