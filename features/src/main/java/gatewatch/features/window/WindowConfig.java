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
 * @param reorderHold           how long a finished connection waits for connections that started
 *                              before it but are reported later; zero computes in report order
 * @param reorderCapacity       most connections waiting at once; when full the earliest is released
 *                              before its hold ends
 */
public record WindowConfig(
        Duration timeWindow,
        int timeWindowConnections,
        int hostWindowConnections,
        Duration reorderHold,
        int reorderCapacity) {

    /** KDD's two seconds. */
    public static final Duration KDD_TIME_WINDOW = Duration.ofSeconds(2);
    /** The largest {@code count}/{@code srv_count} in the data; see docs/FEATURES.md. */
    public static final int KDD_TIME_WINDOW_CONNECTIONS = 511;
    /** The largest {@code dst_host_count}/{@code dst_host_srv_count} in the data. */
    public static final int KDD_HOST_WINDOW_CONNECTIONS = 255;
    /**
     * Covers the tracker's reporting delay for short TCP connections: the 5 s attempt timeout
     * and the 5 s close linger after connections of up to 5 s.
     */
    public static final Duration DEFAULT_REORDER_HOLD = Duration.ofSeconds(10);
    /**
     * The full hold up to about 400 connections/s; above, the capacity releases earlier, which
     * keeps waiting records few and warm in the cache when the rate is high (floods and scans
     * arrive in start order anyway). About 0.9 KB of heap per waiting record.
     */
    public static final int DEFAULT_REORDER_CAPACITY = 4_096;

    /** Upper bound of the window sizes (ids and ports share one int key in the window tables). */
    public static final int MAX_WINDOW = (1 << 16) - 1;
    /** Upper bound of the reorder buffer: it is allocated up front. */
    public static final int MAX_REORDER_CAPACITY = 1 << 24;
    /** Upper bound of the durations, far from the overflow of nanosecond arithmetic. */
    public static final Duration MAX_DURATION = Duration.ofDays(1);

    /**
     * The KDD windows, computed in report order ({@link #reportOrder()}): the cheapest setting,
     * for the sensor's capture thread.
     */
    public static WindowConfig defaults() {
        return reportOrder();
    }

    /**
     * The KDD windows over connections as the tracker reports them: no buffer, nothing held.
     * Connections reported in start order (a flood, a scan, a sweep) are placed at their start;
     * one reported after a later-starting one is placed at its report time.
     */
    public static WindowConfig reportOrder() {
        return new WindowConfig(KDD_TIME_WINDOW, KDD_TIME_WINDOW_CONNECTIONS, KDD_HOST_WINDOW_CONNECTIONS,
                Duration.ZERO, DEFAULT_REORDER_CAPACITY);
    }

    /**
     * The KDD windows over connections in start order, as the KDD data was built: each
     * connection waits up to {@link #DEFAULT_REORDER_HOLD} for earlier-starting ones, at the cost
     * of holding the waiting records and of their leaving later. For extracting records from captures.
     */
    public static WindowConfig startOrder() {
        return new WindowConfig(KDD_TIME_WINDOW, KDD_TIME_WINDOW_CONNECTIONS, KDD_HOST_WINDOW_CONNECTIONS,
                DEFAULT_REORDER_HOLD, DEFAULT_REORDER_CAPACITY);
    }

    public WindowConfig {
        if (timeWindow == null || timeWindow.isNegative() || timeWindow.isZero() || timeWindow.compareTo(MAX_DURATION) > 0) {
            throw new IllegalArgumentException("timeWindow must be positive and at most " + MAX_DURATION + ", got " + timeWindow);
        }
        size("timeWindowConnections", timeWindowConnections, MAX_WINDOW);
        size("hostWindowConnections", hostWindowConnections, MAX_WINDOW);
        if (reorderHold == null || reorderHold.isNegative() || reorderHold.compareTo(MAX_DURATION) > 0) {
            throw new IllegalArgumentException("reorderHold must be in 0.." + MAX_DURATION + ", got " + reorderHold);
        }
        size("reorderCapacity", reorderCapacity, MAX_REORDER_CAPACITY);
    }

    public WindowConfig withReorder(Duration hold, int capacity) {
        return new WindowConfig(timeWindow, timeWindowConnections, hostWindowConnections, hold, capacity);
    }

    private static void size(String name, int value, int max) {
        if (value < 1 || value > max) {
            throw new IllegalArgumentException(name + " must be in 1.." + max + ", got " + value);
        }
    }
}
