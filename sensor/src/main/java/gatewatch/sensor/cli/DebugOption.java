package gatewatch.sensor.cli;

import picocli.CommandLine.Option;

/** {@code --debug}, shared by every subcommand: stack traces on errors. */
public final class DebugOption {
    @Option(names = "--debug", description = "Print the stack trace of an error.")
    boolean debug;
}
