package gatewatch.features.window;

import gatewatch.features.conn.ConnectionSummary;
import gatewatch.features.conn.IpAddress;
import gatewatch.features.extract.ConnectionRecord;
import gatewatch.features.extract.RecordSink;
import gatewatch.features.kdd.KddFeature;
import gatewatch.features.kdd.KddRecord;

/**
 * The 19 KDD traffic features (columns 23–41) of each finished connection: the 2-second window
 * ({@code count} … {@code srv_diff_host_rate}) and the host window ({@code dst_host_count} …
 * {@code dst_host_srv_rerror_rate}). See docs/FEATURES.md for each definition and why.
 *
 * <p><b>Order.</b> KDD's windows run over connections by start time, but the tracker reports a
 * connection when it finishes (an S0 attempt 5 s after its SYN, a closed connection 5 s after
 * its close, UDP after 60 s idle). With a reorder hold ({@link WindowConfig#startOrder()}),
 * connections therefore wait here, earliest start first, until
 * the clock has passed their start by {@link WindowConfig#reorderHold()} (the due time); then
 * they are placed, in start order, and their features are computed and the record emitted. A
 * connection that arrives after a later-starting one was placed is placed at the later of that
 * placement and the due time instead of its start (counted as {@link WindowCounters#late()}),
 * so placements never go back and each connection enters and leaves each window once. The
 * clock is the latest of the connections' end times and of {@link #advanceTime}. With no hold
 * ({@link WindowConfig#reportOrder()}, the default) every connection is due on arrival: report
 * order, start times kept where they are in order. The result depends only on the input: the
 * same capture gives the same records.
 *
 * <p><b>Costs.</b> O(1) per connection for the windows, and for the buffer when connections
 * arrive in start order (O(log reorderCapacity) for one that does not); memory fixed at
 * construction (the windows' tables and ring, and up to {@code reorderCapacity} waiting
 * records); no allocation per connection other than the emitted record.
 *
 * <p>Capture thread only.
 */
public final class TrafficWindows {
    private final RecordSink sink;
    private final ReorderBuffer pending;
    private final ConnectionRing ring;
    private final SlidingWindow timeWindow;
    private final SlidingWindow hostWindow;
    private final long holdNanos;
    private final WindowCounters counters = new WindowCounters();
    private long clock = Long.MIN_VALUE;
    private long lastPlacement = Long.MIN_VALUE;
    private long arrivals;
    private long placements;

    public TrafficWindows(WindowConfig config, RecordSink sink) {
        this.sink = sink;
        this.pending = new ReorderBuffer(config.reorderCapacity());
        this.holdNanos = config.reorderHold().toNanos();
        // One more slot than the larger window: the newest is written before the oldest leaves.
        this.ring = new ConnectionRing(Math.max(config.timeWindowConnections(), config.hostWindowConnections()) + 1);
        this.timeWindow = SlidingWindow.time(ring, config.timeWindow().toNanos(), config.timeWindowConnections());
        this.hostWindow = SlidingWindow.host(ring, config.hostWindowConnections());
    }

    /**
     * Takes a finished connection, in the order the tracker reports it, with features 1–22 in
     * {@code features} (41 values, {@link KddFeature} order). This stage takes the array: it writes
     * features 23–41 into it and the emitted record holds it, so the caller passes a fresh array
     * each time and does not touch it again.
     */
    public void accept(ConnectionSummary conn, double[] features) {
        if (features.length != KddFeature.COUNT_OF_FEATURES) {
            throw new IllegalArgumentException("a KDD feature vector has 41 values, got " + features.length);
        }
        advanceTime(conn.endNanos());
        IpAddress host = conn.respAddress();
        int service = ServiceKey.of(conn);
        ErrorClass err = ErrorClass.of(conn);
        if (conn.startNanos() <= due()) {
            // Already due: everything still waiting started after it, so it goes now.
            place(conn, features, conn.startNanos(), host.hi(), host.lo(), service, SourcePortKey.of(conn), err);
            return;
        }
        if (pending.isFull()) {
            counters.countForced();
            placeFirst();
        }
        pending.offer(conn, features, arrivals++, host.hi(), host.lo(), service, SourcePortKey.of(conn), err);
    }

    /**
     * Moves the clock to {@code nanos} (packet time in replay, wall time live; it never goes
     * back) and emits every waiting connection that started at least the hold before it.
     */
    public void advanceTime(long nanos) {
        if (nanos > clock) {
            clock = nanos;
        }
        long due = due();
        while (!pending.isEmpty() && pending.firstStart() <= due) {
            placeFirst();
        }
    }

    /** End of input or stop: emits every waiting connection. */
    public void flush() {
        while (!pending.isEmpty()) {
            placeFirst();
        }
    }

    /** Connections waiting for their hold to end. */
    public int waiting() {
        return pending.size();
    }

    public WindowCounters counters() {
        return counters;
    }

    /** Connections that started at or before this time are placed; later ones wait. */
    private long due() {
        return clock >= Long.MIN_VALUE + holdNanos ? clock - holdNanos : Long.MIN_VALUE;
    }

    private void placeFirst() {
        ReorderBuffer p = pending;
        ConnectionSummary c = p.firstConnection();
        double[] v = p.firstFeatures();
        long hi = p.firstHostHi();
        long lo = p.firstHostLo();
        int service = p.firstServiceKey();
        int port = p.firstSrcPort();
        ErrorClass err = p.firstError();
        long start = p.firstStart();
        p.removeFirst();
        place(c, v, start, hi, lo, service, port, err);
    }

    /** Places a connection given what the windows need of it, so that its cold objects are not read. */
    private void place(ConnectionSummary c, double[] v, long start, long hi, long lo, int service, int port,
            ErrorClass err) {
        long place = start;
        if (place < lastPlacement) {
            // Late: it cannot go back among connections already placed. Nothing that starts at
            // or before due() is still to come in order, so placing it there keeps placements
            // increasing, and late connections keep the spacing of their arrival times even
            // when little else is placed in between.
            long at = Math.max(lastPlacement, due());
            counters.countLate(at - place);
            place = at;
        }
        lastPlacement = place;
        long seq = placements++;
        ring.write(seq, hi, lo, service, port, err, place);
        timeWindow.admit(seq, v);
        hostWindow.admit(seq, v);
        counters.countReleased();
        // The array was made for this connection (FeatureExtractor) and nothing writes to it after this.
        sink.accept(new ConnectionRecord(c, KddRecord.adopt(v)));
    }
}
