package gatewatch.sensor.forward;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential back-off between connection attempts: min, 2·min, 4·min ... capped at max, each
 * delay drawn from its upper half ("equal jitter") so that several sensors cut off by the same
 * receiver outage do not reconnect in lockstep. Event loop only.
 */
final class Backoff {
    private final long minMillis;
    private final long maxMillis;
    private final RandomGenerator random;
    private int attempts;

    Backoff(Duration min, Duration max, RandomGenerator random) {
        this.minMillis = min.toMillis();
        this.maxMillis = max.toMillis();
        this.random = random;
    }

    /** The delay before the next attempt; each call doubles the next one, up to the cap. */
    long nextDelayMillis() {
        long ceiling = attempts >= 62 ? maxMillis : Math.min(maxMillis, minMillis << Math.min(attempts, 30));
        attempts++;
        long half = ceiling / 2;
        return half + (ceiling - half == 0 ? 0 : random.nextLong(ceiling - half + 1));
    }

    /** After a success: the next failure waits the minimum again. */
    void reset() {
        attempts = 0;
    }
}
