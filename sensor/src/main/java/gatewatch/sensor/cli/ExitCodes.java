package gatewatch.sensor.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * The exit codes of DESIGN.md, mapped in one place: 0 success, 2 bad usage or configuration,
 * 3 an input file that cannot be read, 1 anything else. Errors are one line on stderr; the
 * stack trace only with {@code --debug}.
 */
public final class ExitCodes implements CommandLine.IExitCodeExceptionMapper, CommandLine.IExecutionExceptionHandler {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;
    public static final int UNREADABLE_INPUT = 3;
    /** A replay stopped by SIGINT before its captures were read to the end (128 + 2, as shells report it). */
    public static final int STOPPED_BY_SIGINT = 130;
    /** A replay stopped by SIGTERM before its captures were read to the end (128 + 15). */
    public static final int STOPPED_BY_SIGTERM = 143;

    /** The exit code of a replay that {@code signal} ({@code SIGINT}/{@code SIGTERM}) stopped early. */
    static int stoppedBy(String signal) {
        return "SIGINT".equals(signal) ? STOPPED_BY_SIGINT : STOPPED_BY_SIGTERM;
    }

    @Override
    public int getExitCode(Throwable t) {
        if (t instanceof UsageException || t instanceof CommandLine.ParameterException
                || t instanceof gatewatch.sensor.config.ConfigException) {
            return USAGE;
        }
        if (t instanceof UnreadableInputException || t instanceof java.io.IOException) {
            // A checked I/O failure out of a command is an input it could not read (a capture, a
            // data file, a model file); output failures are unchecked and exit 1.
            return UNREADABLE_INPUT;
        }
        return FAILURE;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        if (isDebug(parseResult)) {
            ex.printStackTrace(err);
        }
        String message = ex.getMessage() != null ? ex.getMessage() : ex.getClass().getSimpleName();
        err.println("gatewatch: " + message);
        err.flush();
        return getExitCode(ex);
    }

    private static boolean isDebug(CommandLine.ParseResult pr) {
        for (CommandLine.ParseResult r = pr; r != null; r = r.subcommand()) {
            if (r.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }
}
