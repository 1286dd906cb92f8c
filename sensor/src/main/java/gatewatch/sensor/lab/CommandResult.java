package gatewatch.sensor.lab;

import java.util.List;

/**
 * A finished command: its exit code and its output (stdout and stderr interleaved).
 *
 * @param command what ran, for messages
 */
public record CommandResult(List<String> command, int exit, String output) {
    public boolean ok() {
        return exit == 0;
    }

    /** This result when the command exited 0; otherwise a {@link LabException} naming it and its last output. */
    public CommandResult requireOk() {
        if (!ok()) {
            throw new LabException(String.join(" ", command) + " exited " + exit + ": " + tail(output));
        }
        return this;
    }

    /** The last few lines of {@code text} on one line, for an error message. */
    public static String tail(String text) {
        List<String> lines = text.strip().lines().toList();
        return String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
    }
}
