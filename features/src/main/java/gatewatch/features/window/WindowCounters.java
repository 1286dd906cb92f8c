package gatewatch.features.window;

/**
 * Counts of the window stage, for metrics. Written by the capture thread only; other threads
 * may read slightly stale values.
 */
public final class WindowCounters {
    long released;
    long forced;
    long placedOpen;

    /** Records emitted. */
    public long released() {
        return released;
    }

    /** Connections placed before their grace ended because the start queue was full. */
    public long forced() {
        return forced;
    }

    /**
     * Connections placed before they finished (their grace ended, or the queue was full): they
     * counted in later connections' windows with the class of their state then until they
     * finished, and their own error rates miss what other open connections became.
     */
    public long placedOpen() {
        return placedOpen;
    }
}
