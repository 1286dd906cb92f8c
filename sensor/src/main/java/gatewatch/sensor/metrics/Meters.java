package gatewatch.sensor.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import java.util.function.ToDoubleFunction;

/**
 * Builders whose meters hold their source strongly.
 *
 * <p>Micrometer holds the state object of a function counter or gauge weakly, and a collected one
 * reads NaN. The sources handed to these binders are often adapters (a lambda over a pipeline
 * stage) that nothing else keeps, so a weak hold would turn a live counter into NaN after some GC.
 * A gauge is told to hold strongly; a function counter has no such switch, so its weakly held
 * object is {@link #ANCHOR}, which never goes away, and the function itself holds the source.
 */
final class Meters {
    /** Immutable and never collected: the weak reference of every function counter points here. */
    private static final Object ANCHOR = new Object();

    private Meters() {
    }

    static <T> FunctionCounter.Builder<Object> counter(String name, T source, ToDoubleFunction<T> read) {
        return FunctionCounter.builder(name, ANCHOR, anchor -> read.applyAsDouble(source));
    }

    static <T> Gauge.Builder<T> gauge(String name, T source, ToDoubleFunction<T> read) {
        return Gauge.builder(name, source, read).strongReference(true);
    }
}
