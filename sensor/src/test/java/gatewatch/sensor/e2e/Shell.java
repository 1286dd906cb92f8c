package gatewatch.sensor.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a command to its end, with a hang limit, and gives back its exit code and output. */
final class Shell {
    private Shell() {
    }

    /** A finished command: exit code (-1 when it hit the limit and was killed), output, wall time. */
    record Result(int exit, String output, Duration elapsed) {
        boolean ok() {
            return exit == 0;
        }
    }

    static Result run(Duration limit, List<String> command) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Path out = Files.createTempFile("gwe2e-cmd", ".out");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            p.getOutputStream().close();
            boolean ended = p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
            if (!ended) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            String text = Files.readString(out, StandardCharsets.UTF_8).strip();
            Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
            return ended ? new Result(p.exitValue(), text, elapsed)
                    : new Result(-1, "timed out after " + limit + ": " + String.join(" ", command) + "\n" + text, elapsed);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** {@code bash -c command}, for cleanup and one-liners; 20 s hang limit. */
    static Result bash(String command) throws IOException, InterruptedException {
        return run(Duration.ofSeconds(20), List.of("bash", "-c", command));
    }

    /** Whether {@code tool} is on the PATH. */
    static boolean has(String tool) throws IOException, InterruptedException {
        return bash("command -v " + tool).ok();
    }

    static boolean isRoot() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(l -> l.startsWith("Uid:"))
                .anyMatch(l -> l.split("\\s+")[1].equals("0"));
    }
}
