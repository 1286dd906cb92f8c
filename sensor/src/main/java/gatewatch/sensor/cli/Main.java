package gatewatch.sensor.cli;

import picocli.CommandLine;

/** The {@code gatewatch} executable. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (see {@link ExitCodes}). */
    public static int run(String... args) {
        return GatewatchCommand.commandLine(args).execute(args);
    }
}
