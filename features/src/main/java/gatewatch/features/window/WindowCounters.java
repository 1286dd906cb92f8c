package gatewatch.features.window;

/**
 * Counts of the window stage, for metrics. Written by the capture thread only; other threads
 * may read slightly stale values.
 */
public final class WindowCounters {
    long released;
    long late;
    long forced;
    long maxLatenessNanos;

    /** Records emitted. */
    public long released() {
        return released;
    }

    /**
     * Connections that arrived after a connection with a later start had been placed (the hold
     * was too short for them, or the buffer was full); each was placed at the later of the
     * latest placement and the due time (clock minus hold) instead of its start.
     */
    public long late() {
        return late;
    }

    /** Connections released before their hold ended because the buffer was full. */
    public long forced() {
        return forced;
    }

    /** The largest gap between a late connection's start and where it was placed. */
    public long maxLatenessNanos() {
        return maxLatenessNanos;
    }
}
