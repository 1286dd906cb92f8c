package gatewatch.features.window;

import gatewatch.features.counting.SingleWriterCounters;

/**
 * Counts of the window stage, for metrics. Written by the capture thread only; read by any thread
 * ({@link SingleWriterCounters}: no locks on the writer's path).
 */
public final class WindowCounters {
    private static final int RELEASED = 0;
    private static final int LATE = 1;
    private static final int FORCED = 2;
    private static final int MAX_LATENESS_NANOS = 3;

    private final SingleWriterCounters counts = new SingleWriterCounters(4);

    void countReleased() {
        counts.increment(RELEASED);
    }

    void countForced() {
        counts.increment(FORCED);
    }

    void countLate(long latenessNanos) {
        counts.increment(LATE);
        counts.max(MAX_LATENESS_NANOS, latenessNanos);
    }

    /** Records emitted. */
    public long released() {
        return counts.get(RELEASED);
    }

    /**
     * Connections that arrived after a connection with a later start had been placed (the hold
     * was too short for them, or the buffer was full); each was placed at the later of the
     * latest placement and the due time (clock minus hold) instead of its start.
     */
    public long late() {
        return counts.get(LATE);
    }

    /** Connections released before their hold ended because the buffer was full. */
    public long forced() {
        return counts.get(FORCED);
    }

    /** The largest gap between a late connection's start and where it was placed. */
    public long maxLatenessNanos() {
        return counts.get(MAX_LATENESS_NANOS);
    }
}
