package gatewatch.features.window;

import gatewatch.features.conn.ConnectionSummary;
import gatewatch.features.conn.FinishReason;
import gatewatch.features.conn.IpAddress;
import gatewatch.features.conn.OpenConnection;
import gatewatch.features.extract.ConnectionRecord;
import gatewatch.features.extract.RecordSink;
import gatewatch.features.kdd.KddFeature;
import gatewatch.features.kdd.KddRecord;

/**
 * The 19 KDD traffic features (columns 23–41) of each connection: the 2-second window
 * ({@code count} … {@code srv_diff_host_rate}) and the host window ({@code dst_host_count} …
 * {@code dst_host_srv_rerror_rate}). See docs/FEATURES.md for each definition and why.
 *
 * <p><b>Start order.</b> KDD's windows run over connections by start time, whatever order they
 * finish in. A connection takes its place in start order when it starts ({@link #open}, called
 * in packet order); what it counts as in the error rates is known only when it finishes
 * ({@link #finish}). Connections wait in a start queue and are <i>placed</i> in the windows in
 * start order, each as soon as it has finished and every connection in its windows has finished
 * too (then its features are exactly the offline definition's), or at the latest when the clock
 * has passed its start by {@link WindowConfig#grace()}, or when the queue is full. A connection
 * placed before it finished is placed at its start all the same: it counts in the windows of the
 * connections after it, with the class its state had when placed ({@link ErrorClass#ofOpen}) until
 * it finishes, and its own record waits, with its window columns computed, until it finishes. The
 * clock is the latest of the connections' end times and of {@link #advanceTime}. The result depends
 * only on the input: the same capture gives the same records.
 *
 * <p><b>Costs.</b> O(1) per connection; memory fixed at construction (the windows' tables and
 * ring, and the start queue); no allocation per connection other than the emitted record.
 *
 * <p>Capture thread only.
 */
public final class TrafficWindows {
    private final RecordSink sink;
    private final StartQueue queue;
    private final ConnectionRing ring;
    private final SlidingWindow timeWindow;
    private final SlidingWindow hostWindow;
    private final long graceNanos;
    /** Every connection in a window of placement p is among placements p - reach … p. */
    private final int reach;
    private final WindowCounters counters = new WindowCounters();
    private long clock = Long.MIN_VALUE;
    private long lastPlacement = Long.MIN_VALUE;
    /** Placements among the last {@code reach} whose connection has not finished. */
    private int openBehind;

    public TrafficWindows(WindowConfig config, RecordSink sink) {
        this.sink = sink;
        this.queue = new StartQueue(config.maxPending());
        this.graceNanos = config.grace().toNanos();
        int widest = Math.max(config.timeWindowConnections(), config.hostWindowConnections());
        this.reach = widest - 1;
        // One more slot than the larger window: the newest is written before the oldest leaves.
        this.ring = new ConnectionRing(widest + 1);
        this.timeWindow = SlidingWindow.time(ring, config.timeWindow().toNanos(), config.timeWindowConnections());
        this.hostWindow = SlidingWindow.host(ring, config.hostWindowConnections());
    }

    /**
     * A connection started: it takes the next place in start order. Call in the order connections
     * start (the tracker opens them in packet order).
     *
     * @param handle asked for the connection's state and given its feature array if it is placed
     *               before it finishes; null for a connection finished at once
     * @return its ticket, for {@link #finish}
     */
    public long open(long startNanos, long hostHi, long hostLo, int serviceKey, int srcPort, OpenConnection handle) {
        if (queue.isFull()) {
            counters.forced++;
            placeFirst();
        }
        return queue.add(startNanos, hostHi, hostLo, serviceKey, srcPort, handle);
    }

    /**
     * A connection that starts and finishes at once (an ICMP message), or one offered in start
     * order: {@link #open} and {@link #finish} in one.
     */
    public void accept(ConnectionSummary conn, double[] features) {
        IpAddress host = conn.respAddress();
        finish(open(conn.startNanos(), host.hi(), host.lo(), ServiceKey.of(conn), conn.origPort(), null), conn,
                features);
    }

    /**
     * The connection of {@code ticket} finished, with features 1–22 in {@code features} (41
     * values, {@link KddFeature} order). If it was placed while open, the caller first copies the
     * window columns from its handle ({@link #takeWindowColumns}). This stage takes the array: it
     * writes features 23–41 into it and the emitted record holds it, so the caller does not touch
     * it again.
     */
    public void finish(long ticket, ConnectionSummary conn, double[] features) {
        if (features.length != KddFeature.COUNT_OF_FEATURES) {
            throw new IllegalArgumentException("a KDD feature vector has 41 values, got " + features.length);
        }
        if (conn.endNanos() > clock) {
            clock = conn.endNanos();
        }
        ErrorClass err = classOf(conn);
        if (queue.holds(ticket)) {
            queue.finish(ticket, conn, features, err);
        } else {
            settle(ticket, conn, features, err);
        }
        placeDue();
    }

    /**
     * Moves the clock to {@code nanos} (packet time in replay, wall time live; it never goes
     * back) and places every waiting connection that is due.
     */
    public void advanceTime(long nanos) {
        if (nanos > clock) {
            clock = nanos;
        }
        placeDue();
    }

    /**
     * Copies the window columns the stage computed for a connection placed open into
     * {@code features}, the array the caller will pass to {@link #finish}; nothing if it was not.
     */
    public static void takeWindowColumns(OpenConnection handle, double[] features) {
        double[] placed = handle.placedOpen();
        if (placed != null) {
            int from = KddFeature.COUNT.ordinal();
            System.arraycopy(placed, from, features, from, KddFeature.COUNT_OF_FEATURES - from);
        }
    }

    /** End of input or stop, after every open connection was finished: places every waiting one. */
    public void flush() {
        while (!queue.isEmpty()) {
            placeFirst();
        }
    }

    /** Connections started and not yet placed. */
    public int waiting() {
        return queue.size();
    }

    public WindowCounters counters() {
        return counters;
    }

    /**
     * What a finished connection counts as: its flag's class, or for a connection the capture's
     * end or the table's eviction cut off, what it would count as open (docs/FEATURES.md).
     */
    static ErrorClass classOf(ConnectionSummary c) {
        FinishReason r = c.finishReason();
        return r == FinishReason.FLUSHED || r == FinishReason.EVICTED ? ErrorClass.ofOpen(c.kddFlag())
                : ErrorClass.of(c.kddFlag());
    }

    private void placeDue() {
        long due = clock >= Long.MIN_VALUE + graceNanos ? clock - graceNanos : Long.MIN_VALUE;
        while (!queue.isEmpty() && (queue.firstStart() <= due || (queue.firstFinished() && openBehind == 0))) {
            placeFirst();
        }
    }

    private void placeFirst() {
        StartQueue q = queue;
        long seq = q.head();
        // Capture timestamps can step back; placements never do.
        long place = Math.max(q.firstStart(), lastPlacement);
        boolean finished = q.firstFinished();
        ConnectionSummary c = q.firstConnection();
        OpenConnection handle = q.firstHandle();
        double[] v = finished ? q.firstFeatures()
                : handle != null ? handle.placeOpen() : new double[KddFeature.COUNT_OF_FEATURES];
        ErrorClass err = finished ? q.firstError()
                : handle == null ? ErrorClass.NONE : ErrorClass.ofOpen(handle.flagSoFar());
        ring.write(seq, q.firstHostHi(), q.firstHostLo(), q.firstServiceKey(), q.firstSrcPort(), err, !finished, place);
        q.removeFirst();
        lastPlacement = place;
        timeWindow.admit(seq, v, !finished);
        hostWindow.admit(seq, v, !finished);
        long leaving = seq - reach - 1;
        if (leaving >= 0 && ring.isOpen(leaving)) {
            openBehind--;
        }
        if (finished) {
            counters.released++;
            sink.accept(new ConnectionRecord(c, KddRecord.adopt(v)));
        } else {
            openBehind++;
            counters.placedOpen++;
        }
    }

    /** A connection placed while open finished: its class updates the windows, its record goes. */
    private void settle(long ticket, ConnectionSummary c, double[] v, ErrorClass err) {
        if (ticket < 0 || ticket >= queue.head() || v[KddFeature.COUNT.ordinal()] < 1) {
            throw new IllegalStateException("ticket " + ticket + " was not placed open, or its window columns were not taken");
        }
        long newest = queue.head() - 1;
        if (ring.holds(ticket, newest) && ring.isOpen(ticket)) {
            int from = ring.error(ticket);
            timeWindow.reclassify(ticket, from, err.ordinal());
            hostWindow.reclassify(ticket, from, err.ordinal());
            ring.close(ticket, err);
            if (newest - ticket <= reach) {
                openBehind--;
            }
        }
        timeWindow.settle(v, err);
        hostWindow.settle(v, err);
        counters.released++;
        sink.accept(new ConnectionRecord(c, KddRecord.adopt(v)));
    }
}
