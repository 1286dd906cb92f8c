package gatewatch.sensor.cli;

import gatewatch.sensor.pipeline.Pipeline;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGTERM and SIGINT stop capture (the run then flushes connections, drains the queues, flushes
 * the logs and returns normally, so the process exits 0); SIGHUP reopens the logs (logrotate).
 * The previous handlers come back when the run ends.
 */
final class Signals {
    private Signals() {
    }

    static <T> T whileRunning(Pipeline pipeline, Supplier<T> body) {
        return whileRunning(pipeline::stop, () -> pipeline.sink().requestReopen(), body);
    }

    /** As above for any run: {@code stop} on SIGTERM and SIGINT, {@code reopen} on SIGHUP. */
    static <T> T whileRunning(Runnable stop, Runnable reopen, Supplier<T> body) {
        List<Runnable> restore = new ArrayList<>();
        install("TERM", s -> stop.run(), restore);
        install("INT", s -> stop.run(), restore);
        install("HUP", s -> reopen.run(), restore);
        try {
            return body.get();
        } finally {
            restore.forEach(Runnable::run);
        }
    }

    private static void install(String name, SignalHandler handler, List<Runnable> restore) {
        try {
            Signal signal = new Signal(name);
            SignalHandler previous = Signal.handle(signal, handler);
            restore.add(() -> Signal.handle(signal, previous));
        } catch (IllegalArgumentException e) {
            // The JVM reserves the signal (e.g. run with -Xrs): keep its default behaviour.
        }
    }
}
