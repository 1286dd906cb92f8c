package gatewatch.synth.service;

import java.util.List;
import java.util.random.RandomGenerator;

/** Random draws the scenarios need, all from a generator passed in (so a seed fixes them). */
public final class Draw {
    public static final long MS = 1_000_000L;
    public static final long SECOND = 1_000_000_000L;

    private Draw() {
    }

    /** An exponential gap (Poisson arrivals) of the given mean. */
    public static long exponential(RandomGenerator rng, long meanNanos) {
        return (long) (-Math.log(1.0 - rng.nextDouble()) * meanNanos);
    }

    /** A log-normal size: {@code median} and the spread {@code sigma} of its logarithm, clamped. */
    public static int logNormal(RandomGenerator rng, double median, double sigma, int min, int max) {
        double v = median * Math.exp(sigma * rng.nextGaussian());
        return (int) Math.max(min, Math.min(max, Math.round(v)));
    }

    /** A uniform time in {@code [fromMs, toMs)} milliseconds. */
    public static long millis(RandomGenerator rng, double fromMs, double toMs) {
        return (long) ((fromMs + rng.nextDouble() * (toMs - fromMs)) * MS);
    }

    public static <T> T pick(RandomGenerator rng, List<T> items) {
        return items.get(rng.nextInt(items.size()));
    }

    public static String pick(RandomGenerator rng, String... items) {
        return items[rng.nextInt(items.length)];
    }
}
