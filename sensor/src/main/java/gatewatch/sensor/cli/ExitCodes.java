package gatewatch.sensor.cli;

import gatewatch.detector.data.DataFormatException;
import gatewatch.detector.io.IoReasons;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
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
        if (t instanceof UnreadableInputException || t instanceof java.io.IOException || t instanceof DataFormatException) {
            // A checked I/O failure out of a command is an input it could not read (a capture, a
            // data file, a model file), as is a data file with a row the loader cannot use (no
            // label, a bad field); output failures are unchecked and exit 1.
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
        err.println("gatewatch: " + message(ex));
        err.flush();
        return getExitCode(ex);
    }

    /**
     * The one line for an exception: a file-system failure says its file and why, where the JDK's
     * own message is the path alone ({@code NoSuchFileException}, {@code AccessDeniedException}).
     */
    static String message(Throwable ex) {
        Throwable t = ex instanceof UncheckedIOException u && u.getCause() != null ? u.getCause() : ex;
        if (t instanceof FileSystemException f) {
            return IoReasons.describe(f);
        }
        return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
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
