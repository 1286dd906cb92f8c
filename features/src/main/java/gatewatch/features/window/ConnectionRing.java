package gatewatch.features.window;

/**
 * The window-relevant facts of the most recently placed connections, by placement number, in
 * primitive arrays: what both windows count, so that a connection leaving a window is
 * subtracted without keeping its record.
 *
 * <p>Holds the last {@code capacity} placements; the windows must never look further back.
 * Capture thread only.
 */
final class ConnectionRing {
    private final long[] hostHi;
    private final long[] hostLo;
    private final int[] service;
    private final int[] srcPort;
    private final byte[] error;
    private final long[] placeNanos;
    private final int mask;

    /** A ring holding at least {@code minCapacity} placements. */
    ConnectionRing(int minCapacity) {
        int capacity = Integer.highestOneBit(Math.max(2, minCapacity) * 2 - 1);
        hostHi = new long[capacity];
        hostLo = new long[capacity];
        service = new int[capacity];
        srcPort = new int[capacity];
        error = new byte[capacity];
        placeNanos = new long[capacity];
        mask = capacity - 1;
    }

    void write(long seq, long hi, long lo, int serviceKey, int port, ErrorClass err, long place) {
        int i = (int) seq & mask;
        hostHi[i] = hi;
        hostLo[i] = lo;
        service[i] = serviceKey;
        srcPort[i] = port;
        error[i] = (byte) err.ordinal();
        placeNanos[i] = place;
    }

    long hostHi(long seq) {
        return hostHi[(int) seq & mask];
    }

    long hostLo(long seq) {
        return hostLo[(int) seq & mask];
    }

    int service(long seq) {
        return service[(int) seq & mask];
    }

    int srcPort(long seq) {
        return srcPort[(int) seq & mask];
    }

    /** The {@link ErrorClass} ordinal. */
    int error(long seq) {
        return error[(int) seq & mask];
    }

    long placeNanos(long seq) {
        return placeNanos[(int) seq & mask];
    }
}
