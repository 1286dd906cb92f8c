package gatewatch.sensor.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;

/**
 * Runs one of this package's commands the way the {@code gatewatch} main command does, with its
 * exit codes and one-line errors ({@link ExitCodes}: 2 bad usage, 3 unreadable input, 1 anything
 * else). Tests use it, and it reproduces the bundled model: {@code java -cp <sensor test classpath> gatewatch.sensor.cli.CliHarness train --data ... --out ...}.
 */
public final class CliHarness {
    private CliHarness() {
    }

    public static CommandLine commandLine(Callable<Integer> command) {
        ExitCodes codes = new ExitCodes();
        CommandLine cl = new CommandLine(command);
        cl.setExitCodeExceptionMapper(codes);
        cl.setExecutionExceptionHandler(codes);
        return cl;
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
