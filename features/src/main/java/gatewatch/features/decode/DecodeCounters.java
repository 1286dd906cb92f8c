package gatewatch.features.decode;

import gatewatch.features.counting.SingleWriterCounters;

/**
 * Counts of what the decoder saw, by outcome and reason.
 *
 * <p>Written by the capture thread only; read by any thread, e.g. the sensor's metrics
 * ({@link SingleWriterCounters}: no locks on the writer's path).
 */
public final class DecodeCounters {
    private static final int FRAMES = 0;
    private static final int PACKETS = 1;
    private static final int ARP = 2;

    private final SingleWriterCounters totals = new SingleWriterCounters(3);
    private final SingleWriterCounters malformed = new SingleWriterCounters(MalformedReason.values().length);
    private final SingleWriterCounters skipped = new SingleWriterCounters(SkipReason.values().length);
    private final SingleWriterCounters fragments = new SingleWriterCounters(FragmentCounter.values().length);

    void countFrame() {
        totals.increment(FRAMES);
    }

    void countPacket() {
        totals.increment(PACKETS);
    }

    void countArp() {
        totals.increment(ARP);
    }

    void countMalformed(MalformedReason reason) {
        malformed.increment(reason.ordinal());
    }

    void countSkipped(SkipReason reason) {
        skipped.increment(reason.ordinal());
    }

    void countFragment(FragmentCounter counter) {
        fragments.increment(counter.ordinal());
    }

    void countFragments(FragmentCounter counter, int n) {
        fragments.add(counter.ordinal(), n);
    }

    public long frames() {
        return totals.get(FRAMES);
    }

    public long packets() {
        return totals.get(PACKETS);
    }

    /** Ethernet/IPv4 ARP packets decoded (they are not {@link #packets()}: no connection follows them). */
    public long arp() {
        return totals.get(ARP);
    }

    public long malformed(MalformedReason reason) {
        return malformed.get(reason.ordinal());
    }

    public long skipped(SkipReason reason) {
        return skipped.get(reason.ordinal());
    }

    public long fragments(FragmentCounter counter) {
        return fragments.get(counter.ordinal());
    }

    public long skippedTotal() {
        return skipped.sum();
    }

    public long malformedTotal() {
        return malformed.sum();
    }
}
