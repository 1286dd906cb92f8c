package gatewatch.features.decode;

/**
 * Counts of what the decoder saw, by outcome and reason.
 *
 * <p>Written by the capture thread only (plain {@code long} arrays, no locks). Other threads may
 * read a slightly stale value; the sensor's metrics read them that way.
 */
public final class DecodeCounters {
    private final long[] malformed = new long[MalformedReason.values().length];
    private final long[] skipped = new long[SkipReason.values().length];
    private final long[] fragments = new long[FragmentCounter.values().length];
    private long frames;
    private long packets;

    void countFrame() {
        frames++;
    }

    void countPacket() {
        packets++;
    }

    void countMalformed(MalformedReason reason) {
        malformed[reason.ordinal()]++;
    }

    void countSkipped(SkipReason reason) {
        skipped[reason.ordinal()]++;
    }

    void countFragment(FragmentCounter counter) {
        fragments[counter.ordinal()]++;
    }

    void countFragments(FragmentCounter counter, int n) {
        fragments[counter.ordinal()] += n;
    }

    public long frames() {
        return frames;
    }

    public long packets() {
        return packets;
    }

    public long malformed(MalformedReason reason) {
        return malformed[reason.ordinal()];
    }

    public long skipped(SkipReason reason) {
        return skipped[reason.ordinal()];
    }

    public long fragments(FragmentCounter counter) {
        return fragments[counter.ordinal()];
    }

    public long skippedTotal() {
        long sum = 0;
        for (long s : skipped) {
            sum += s;
        }
        return sum;
    }

    public long malformedTotal() {
        long sum = 0;
        for (long m : malformed) {
            sum += m;
        }
        return sum;
    }
}
