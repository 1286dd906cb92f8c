package gatewatch.features.window;

/**
 * The window-relevant facts of the most recently placed connections, by placement number, in
 * primitive arrays: what both windows count, so that a connection leaving a window is
 * subtracted without keeping its record.
 *
 * <p>Every key a window counts by (destination host, service key, host + service, host +
 * source port) is held as a small id from an {@link IdInterner}, so the windows count in plain
 * arrays indexed by id and never hash. An entry takes a reference to each of its ids when
 * written and gives them back when it is overwritten, by which time no window holds it (the
 * windows are smaller than the ring); ids are therefore below the ring's capacity.
 *
 * <p>Capture thread only.
 */
final class ConnectionRing {
    private final int[] hostId;
    private final int[] serviceId;
    private final int[] pairId;
    private final int[] srcPortId;
    private final byte[] error;
    private final long[] placeNanos;
    private final IdInterner hosts;
    private final IdInterner services;
    private final IdInterner pairs;
    private final IdInterner srcPorts;
    private final int mask;

    /** A ring holding at least {@code minCapacity} placements. */
    ConnectionRing(int minCapacity) {
        int capacity = Integer.highestOneBit(Math.max(2, minCapacity) * 2 - 1);
        hostId = new int[capacity];
        serviceId = new int[capacity];
        pairId = new int[capacity];
        srcPortId = new int[capacity];
        error = new byte[capacity];
        placeNanos = new long[capacity];
        hosts = new IdInterner(capacity);
        services = new IdInterner(capacity);
        pairs = new IdInterner(capacity);
        srcPorts = new IdInterner(capacity);
        mask = capacity - 1;
    }

    /** Ids are below this; it is also the number of placements held. */
    int capacity() {
        return mask + 1;
    }

    void write(long seq, long hostHi, long hostLo, int serviceKey, int srcPort, ErrorClass err, long place) {
        int i = (int) seq & mask;
        if (seq > mask) {
            hosts.release(hostId[i]);
            services.release(serviceId[i]);
            pairs.release(pairId[i]);
            srcPorts.release(srcPortId[i]);
        }
        int h = hosts.acquire(hostHi, hostLo);
        int s = services.acquire(0, serviceKey);
        hostId[i] = h;
        serviceId[i] = s;
        pairId[i] = pairs.acquire(h, s);
        srcPortId[i] = srcPorts.acquire(h, srcPort);
        error[i] = (byte) err.ordinal();
        placeNanos[i] = place;
    }

    int hostId(long seq) {
        return hostId[(int) seq & mask];
    }

    int serviceId(long seq) {
        return serviceId[(int) seq & mask];
    }

    /** Id of the (host, service key) pair. */
    int pairId(long seq) {
        return pairId[(int) seq & mask];
    }

    /** Id of the (host, source port) pair. */
    int srcPortId(long seq) {
        return srcPortId[(int) seq & mask];
    }

    /** The {@link ErrorClass} ordinal. */
    int error(long seq) {
        return error[(int) seq & mask];
    }

    long placeNanos(long seq) {
        return placeNanos[(int) seq & mask];
    }
}
