package gatewatch.sensor.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command to its end with a hang limit. Output goes through a file, not a pipe, so a
 * chatty tool can never block on a full pipe while we wait for it.
 */
public final class Exec {
    private Exec() {
    }

    /**
     * Runs {@code command}; a command still running after {@code limit} is killed and reported
     * as a {@link LabException}.
     *
     * @param outputFile where the output goes (kept), or null for a temporary file
     */
    public static CommandResult run(List<String> command, Duration limit, Path outputFile) {
        return run(command, limit, outputFile, null);
    }

    /** As {@link #run(List, Duration, Path)} in working directory {@code dir} (null: this process's). */
    public static CommandResult run(List<String> command, Duration limit, Path outputFile, Path dir) {
        Path out = outputFile;
        try {
            if (out == null) {
                out = Files.createTempFile("gwlab-cmd", ".out");
            }
            Process p = new ProcessBuilder(command).directory(dir == null ? null : dir.toFile()).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            p.getOutputStream().close();
            if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                throw new LabException(String.join(" ", command) + " did not finish within " + limit.toSeconds() + " s");
            }
            return new CommandResult(command, p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            // The JDK's spawn failures run to several lines of advice; the first says what happened.
            throw new LabException("cannot run " + command.getFirst() + ": " + e.getMessage().lines().findFirst().orElse(""), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabException("interrupted while running " + command.getFirst(), e);
        } finally {
            if (outputFile == null && out != null) {
                try {
                    Files.deleteIfExists(out);
                } catch (IOException e) {
                    // A temporary file left behind is harmless.
                }
            }
        }
    }

    /** {@link #run} with a 20 s limit and a temporary output file: for setup steps. */
    public static CommandResult quick(String... command) {
        return run(List.of(command), Duration.ofSeconds(20), null);
    }
}
