package gatewatch.features.window;

/**
 * One window over the placed connections, current included: the 2-second window (features
 * 23–31) or the host window (features 32–41).
 *
 * <ul>
 *   <li>time window: the placements in {@code (t - span, t]} of the newest one {@code t}, and
 *       at most the {@code maxConnections} most recent (511 for KDD);
 *   <li>host window: the {@code maxConnections} most recent placements of all traffic (255 for
 *       KDD), however old. One window for all hosts, not one per host: in the training data every
 *       row whose {@code dst_host_count} is 255 (432,829) has {@code dst_host_srv_diff_host_rate}
 *       0 and {@code dst_host_same_srv_rate} = {@code dst_host_srv_count}/255 — when the host
 *       fills the window, every same-service connection in it goes to that host.
 * </ul>
 *
 * <p>Connections enter in placement order, so the oldest leaves first and each connection
 * enters and leaves once: O(1) per connection. Capture thread only.
 */
final class SlidingWindow {
    private final ConnectionRing ring;
    private final WindowAggregates window;
    private final WindowColumns columns;
    private final boolean timed;
    private final long spanNanos;
    private final int maxConnections;
    private long oldest;
    private int size;

    private SlidingWindow(ConnectionRing ring, boolean timed, long spanNanos, int maxConnections, WindowColumns columns) {
        this.ring = ring;
        this.window = new WindowAggregates(ring, columns.hasSameSrcPort());
        this.columns = columns;
        this.timed = timed;
        this.spanNanos = spanNanos;
        this.maxConnections = maxConnections;
    }

    static SlidingWindow time(ConnectionRing ring, long spanNanos, int maxConnections) {
        return new SlidingWindow(ring, true, spanNanos, maxConnections, WindowColumns.TIME);
    }

    static SlidingWindow host(ConnectionRing ring, int maxConnections) {
        return new SlidingWindow(ring, false, 0, maxConnections, WindowColumns.HOST);
    }

    /**
     * Slides the window to placement {@code seq} (every placement is admitted, in order) and
     * writes the features of that connection into {@code v}.
     */
    void admit(long seq, double[] v) {
        // At most one leaves for being one too many: each admit adds one and the window never
        // holds more than maxConnections. An if, not a while: C2 compiled the while as a counted
        // loop and recompiled admit when the window first filled (a loop-limit trap).
        if (size >= maxConnections) {
            evictOldest();
        }
        if (timed) {
            long place = ring.placeNanos(seq);
            // Placements at or before the horizon leave: the window is (place - span, place].
            long horizon = place >= Long.MIN_VALUE + spanNanos ? place - spanNanos : Long.MIN_VALUE;
            while (size > 0 && ring.placeNanos(oldest) <= horizon) {
                evictOldest();
            }
        }
        window.add(seq);
        size++;
        write(v);
    }

    private void evictOldest() {
        window.remove(oldest++);
        size--;
    }

    private void write(double[] v) {
        WindowColumns c = columns;
        int count = window.hostCount();
        int srvCount = window.serviceCount();
        v[c.count()] = count;
        v[c.srvCount()] = srvCount;
        v[c.serrorRate()] = KddRate.of(window.hostSynErrors(), count);
        v[c.srvSerrorRate()] = KddRate.of(window.serviceSynErrors(), srvCount);
        v[c.rerrorRate()] = KddRate.of(window.hostRejErrors(), count);
        v[c.srvRerrorRate()] = KddRate.of(window.serviceRejErrors(), srvCount);
        v[c.sameSrvRate()] = KddRate.of(window.sameHostSameService(), count);
        v[c.diffSrvRate()] = KddRate.of(window.hostDifferentServices(), count);
        v[c.srvDiffHostRate()] = KddRate.of(window.serviceDifferentHosts(), srvCount);
        if (c.hasSameSrcPort()) {
            v[c.sameSrcPortRate()] = KddRate.of(window.sameHostSameSrcPort(), count);
        }
    }
}
