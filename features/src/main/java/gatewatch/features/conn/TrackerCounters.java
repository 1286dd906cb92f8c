package gatewatch.features.conn;

import gatewatch.features.counting.SingleWriterCounters;

/**
 * Counts of the connection tracker. Written by the capture thread only; read by any thread, e.g.
 * the sensor's metrics ({@link SingleWriterCounters}: no locks on the writer's path).
 */
public final class TrackerCounters {
    private static final int PACKETS = 0;
    private static final int CREATED = 1;
    private static final int LINK_CONTROL = 2;

    private final SingleWriterCounters totals = new SingleWriterCounters(3);
    private final SingleWriterCounters finished = new SingleWriterCounters(FinishReason.values().length);

    void countPacket() {
        totals.increment(PACKETS);
    }

    void countCreated() {
        totals.increment(CREATED);
    }

    void countLinkControl() {
        totals.increment(LINK_CONTROL);
    }

    void countFinished(FinishReason reason) {
        finished.increment(reason.ordinal());
    }

    public long packets() {
        return totals.get(PACKETS);
    }

    public long created() {
        return totals.get(CREATED);
    }

    /** ICMPv6 neighbour and multicast-listener discovery messages, which make no record. */
    public long linkControl() {
        return totals.get(LINK_CONTROL);
    }

    public long finished(FinishReason reason) {
        return finished.get(reason.ordinal());
    }

    public long evicted() {
        return finished(FinishReason.EVICTED);
    }

    public long finishedTotal() {
        return finished.sum();
    }
}
