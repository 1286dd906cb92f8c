package gatewatch.features.conn;

/**
 * Counts of the connection tracker. Written by the capture thread only; other threads may read
 * slightly stale values.
 */
public final class TrackerCounters {
    long packets;
    long created;
    long linkControl;
    final long[] finished = new long[FinishReason.values().length];

    public long packets() {
        return packets;
    }

    public long created() {
        return created;
    }

    /** ICMPv6 neighbour and multicast-listener discovery messages, which make no record. */
    public long linkControl() {
        return linkControl;
    }

    public long finished(FinishReason reason) {
        return finished[reason.ordinal()];
    }

    public long evicted() {
        return finished[FinishReason.EVICTED.ordinal()];
    }

    public long finishedTotal() {
        long sum = 0;
        for (long f : finished) {
            sum += f;
        }
        return sum;
    }
}
