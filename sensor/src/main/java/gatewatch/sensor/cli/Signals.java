package gatewatch.sensor.cli;

import gatewatch.sensor.pipeline.Pipeline;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGTERM and SIGINT stop capture (the run then flushes connections, drains the queues, flushes
 * the logs and returns normally); SIGHUP reopens the logs (logrotate). The previous handlers come
 * back when the run ends.
 *
 * <p>A signal ignored when the process started ({@code nohup} ignores SIGHUP) stays ignored: the
 * JVM will not install a handler for it. That silently turns off log reopening (or a clean stop),
 * so it is said once, as a warning, when the run starts.
 */
final class Signals {
    /**
     * Held apart so that logging is set up only when something is logged: a replay that has
     * nothing to say does not start logback (issue 15).
     */
    private static final class Log {
        static final Logger LOG = LoggerFactory.getLogger(Signals.class);
    }

    private Signals() {
    }

    /** A pipeline's run: stopped by SIGTERM/SIGINT (named, for a replay's summary), logs reopened on SIGHUP. */
    static <T> T whileRunning(Pipeline pipeline, Supplier<T> body) {
        return whileRunningNamed(pipeline::stop, () -> pipeline.sink().requestReopen(), true, body);
    }

    /** As above for any run without logs to reopen: {@code stop} on SIGTERM and SIGINT, {@code reopen} on SIGHUP. */
    static <T> T whileRunning(Runnable stop, Runnable reopen, Supplier<T> body) {
        return whileRunningNamed(signal -> stop.run(), reopen, false, body);
    }

    /**
     * @param stop       told which signal it was ({@code SIGTERM} or {@code SIGINT})
     * @param reopensLogs whether SIGHUP matters (reopens logs), so that its being ignored is worth a warning
     */
    private static <T> T whileRunningNamed(Consumer<String> stop, Runnable reopen, boolean reopensLogs, Supplier<T> body) {
        List<Runnable> restore = new ArrayList<>();
        install("TERM", s -> stop.accept("SIGTERM"), restore,
                "SIGTERM is ignored by this process: it cannot be stopped cleanly by SIGTERM (use SIGINT)");
        install("INT", s -> stop.accept("SIGINT"), restore, null);
        install("HUP", s -> reopen.run(), restore, !reopensLogs ? null
                : "SIGHUP is ignored by this process (started under nohup?): the logs will not be reopened after "
                        + "logrotate moves them; start gatewatch without nohup, or rotate by size (max_bytes)");
        try {
            return body.get();
        } finally {
            restore.forEach(Runnable::run);
        }
    }

    /** @param ifIgnored the warning when the signal was ignored at start, or null to stay quiet (SIGINT in a background job) */
    private static void install(String name, SignalHandler handler, List<Runnable> restore, String ifIgnored) {
        try {
            Signal signal = new Signal(name);
            SignalHandler previous = Signal.handle(signal, handler);
            restore.add(() -> Signal.handle(signal, previous));
            if (previous == SignalHandler.SIG_IGN && ifIgnored != null) {
                Log.LOG.warn(ifIgnored);
            }
        } catch (IllegalArgumentException e) {
            // The JVM reserves the signal (e.g. run with -Xrs): keep its default behaviour.
        }
    }
}
