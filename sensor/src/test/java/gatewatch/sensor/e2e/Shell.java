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
            List<String> argv = new java.util.ArrayList<>(command);
            argv.set(0, locate(argv.getFirst()));
            ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(out.toFile());
            // What it runs in turn (ip netns exec hping3 ..., bash -c) finds root's tools too.
            pb.environment().put("PATH", searchPath());
            Process p = pb.start();
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

    /** Whether {@code tool} is on the PATH or in /usr/sbin, /sbin (hping3, sysctl: root's tools). */
    static boolean has(String tool) {
        return !locate(tool).equals(tool) || tool.contains("/") && Files.isExecutable(Path.of(tool));
    }

    /**
     * The executable {@code name} runs: looked up on the PATH, then in /usr/sbin and /sbin, which a
     * root shell has on its PATH and a plain one may not; {@code name} itself when not found.
     */
    static String locate(String name) {
        if (name.contains("/")) {
            return name;
        }
        for (String dir : searchPath().split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                return Path.of(dir, name).toString();
            }
        }
        return name;
    }

    private static String searchPath() {
        return System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/sbin";
    }

    static boolean isRoot() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(l -> l.startsWith("Uid:"))
                .anyMatch(l -> l.split("\\s+")[1].equals("0"));
    }
}
