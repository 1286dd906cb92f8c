package gatewatch.sensor.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Runs one of this package's commands the way the {@code gatewatch} main command will, with the
 * exit-code mapping of DESIGN.md (2 bad usage, 3 unreadable input, 1 anything else) and errors as
 * one line on stderr. Tests use it, and until the main command exists it reproduces the bundled
 * model: {@code java -cp <sensor test classpath> gatewatch.sensor.cli.CliHarness train --data ... --out ...}.
 */
public final class CliHarness {
    private CliHarness() {
    }

    public static CommandLine commandLine(Callable<Integer> command) {
        CommandLine cl = new CommandLine(command);
        cl.setExitCodeExceptionMapper(CliHarness::exitCode);
        cl.setExecutionExceptionHandler((ex, line, parse) -> {
            line.getErr().println("gatewatch: " + ex.getMessage());
            return exitCode(ex);
        });
        return cl;
    }

    static int exitCode(Throwable t) {
        if (t instanceof ParameterException) {
            return 2;
        }
        if (t instanceof IOException) {
            return 3;
        }
        return 1;
    }

    public static void main(String[] args) {
        Callable<Integer> command = switch (args.length == 0 ? "" : args[0]) {
            case "train" -> new TrainCommand();
            case "evaluate" -> new EvaluateCommand();
            default -> throw new IllegalArgumentException("usage: CliHarness train|evaluate ARGS...");
        };
        System.exit(commandLine(command).execute(java.util.Arrays.copyOfRange(args, 1, args.length)));
    }
}
