package gatewatch.features.window;

import java.time.Duration;

/**
 * Settings of {@link TrafficWindows}. The defaults reproduce the windows of the KDD training data.
 *
 * @param timeWindow            span of the "past two seconds" window (placement times in
 *                              {@code (t - timeWindow, t]})
 * @param timeWindowConnections most recent connections the time window holds, current included;
 *                              this is what caps {@code count} and {@code srv_count} at 511
 * @param hostWindowConnections most recent connections the host window holds, current included;
 *                              this is what caps {@code dst_host_count} and
 *                              {@code dst_host_srv_count} at 255
 * @param grace                 how long after its start a connection may wait, at most, for the
 *                              connections in its windows to finish before it is placed; zero
 *                              places every connection as it starts
 * @param maxPending            most connections started and not yet placed; when full the earliest
 *                              is placed before its grace ends
 */
public record WindowConfig(
        Duration timeWindow,
        int timeWindowConnections,
        int hostWindowConnections,
        Duration grace,
        int maxPending) {

    /** KDD's two seconds. */
    public static final Duration KDD_TIME_WINDOW = Duration.ofSeconds(2);
    /** The largest {@code count}/{@code srv_count} in the data; see docs/FEATURES.md. */
    public static final int KDD_TIME_WINDOW_CONNECTIONS = 511;
    /** The largest {@code dst_host_count}/{@code dst_host_srv_count} in the data. */
    public static final int KDD_HOST_WINDOW_CONNECTIONS = 255;
    /**
     * Covers the tracker's reporting delay for short TCP connections (the 5 s attempt timeout, and
     * the 5 s close linger after connections of up to 5 s), so that their class is final when the
     * connections after them are placed.
     */
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(10);
    /**
     * The full grace up to about 1,600 new connections/s; above, connections are placed earlier
     * (floods and scans need no wait: they are placed as soon as they finish). About 0.9 KB of
     * heap per waiting record and 50 bytes per waiting start.
     */
    public static final int DEFAULT_MAX_PENDING = 16_384;

    /** Upper bound of the window sizes (ids and ports share one int key in the window tables). */
    public static final int MAX_WINDOW = (1 << 16) - 1;
    /** Upper bound of the start queue: it is allocated up front. */
    public static final int MAX_PENDING = 1 << 24;
    /** Upper bound of the durations, far from the overflow of nanosecond arithmetic. */
    public static final Duration MAX_DURATION = Duration.ofDays(1);

    /** The KDD windows, in start order with the default grace. */
    public static WindowConfig defaults() {
        return new WindowConfig(KDD_TIME_WINDOW, KDD_TIME_WINDOW_CONNECTIONS, KDD_HOST_WINDOW_CONNECTIONS,
                DEFAULT_GRACE, DEFAULT_MAX_PENDING);
    }

    public WindowConfig {
        if (timeWindow == null || timeWindow.isNegative() || timeWindow.isZero() || timeWindow.compareTo(MAX_DURATION) > 0) {
            throw new IllegalArgumentException("timeWindow must be positive and at most " + MAX_DURATION + ", got " + timeWindow);
        }
        size("timeWindowConnections", timeWindowConnections, MAX_WINDOW);
        size("hostWindowConnections", hostWindowConnections, MAX_WINDOW);
        if (grace == null || grace.isNegative() || grace.compareTo(MAX_DURATION) > 0) {
            throw new IllegalArgumentException("grace must be in 0.." + MAX_DURATION + ", got " + grace);
        }
        size("maxPending", maxPending, MAX_PENDING);
    }

    public WindowConfig withGrace(Duration newGrace, int newMaxPending) {
        return new WindowConfig(timeWindow, timeWindowConnections, hostWindowConnections, newGrace, newMaxPending);
    }

    private static void size(String name, int value, int max) {
        if (value < 1 || value > max) {
            throw new IllegalArgumentException(name + " must be in 1.." + max + ", got " + value);
        }
    }
}
