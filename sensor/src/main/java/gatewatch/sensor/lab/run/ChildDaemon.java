package gatewatch.sensor.lab.run;

import gatewatch.sensor.lab.LabException;
import gatewatch.sensor.lab.scenario.Daemon;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A background child, its output in a file. {@code ip netns exec} execs the command in place, so
 * the pid is the program's own and SIGTERM reaches the program.
 */
final class ChildDaemon implements Daemon {
    private final String name;
    private final Process process;
    private final Path log;

    private ChildDaemon(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    static ChildDaemon start(String name, List<String> command, Path log) {
        return start(name, command, log, null);
    }

    /** Starts {@code command} in working directory {@code dir} (null: this process's). */
    static ChildDaemon start(String name, List<String> command, Path log, Path dir) {
        try {
            Process p = new ProcessBuilder(command).directory(dir == null ? null : dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            p.getOutputStream().close();
            return new ChildDaemon(name, p, log);
        } catch (IOException e) {
            throw new LabException("cannot start " + name + " (" + command.getFirst() + "): " + e.getMessage(), e);
        }
    }

    String name() {
        return name;
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean await(long seconds) {
        try {
            return process.waitFor(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The exit code once ended. */
    int exitValue() {
        return process.exitValue();
    }

    @Override
    public String toString() {
        return name + " (pid " + pid() + ")";
    }
}
