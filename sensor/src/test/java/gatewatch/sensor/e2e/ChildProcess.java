package gatewatch.sensor.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A long-running child (the daemon, a server), its output in a file. {@code ip netns exec} execs
 * the command in place, so the pid is the program's own and a signal sent to it reaches the
 * program. {@link #close()} ends it by pid (SIGTERM, then SIGKILL) if it still runs.
 */
final class ChildProcess implements AutoCloseable {
    private final String name;
    private final Process process;
    private final Path log;

    private ChildProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    static ChildProcess start(String name, List<String> command, Path log) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        p.getOutputStream().close();
        return new ChildProcess(name, p, log);
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String log() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    /** How a SIGTERM ended the process: its exit code (-1 if it did not end within the limit) and the time. */
    record Termination(int exit, Duration took) {
    }

    /** Sends SIGTERM and waits up to {@code limit}; the process is left running if it did not end. */
    Termination terminate(Duration limit) throws InterruptedException {
        long t0 = System.nanoTime();
        process.destroy(); // SIGTERM on Linux
        boolean ended = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        return new Termination(ended ? process.exitValue() : -1, took);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + pid() + ")";
    }
}
