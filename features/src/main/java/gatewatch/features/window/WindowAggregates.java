package gatewatch.features.window;

/**
 * Per-key counts over the connections currently in one window, kept up to date as connections
 * enter and leave, so that every feature is a lookup: O(1) per connection, no rescans.
 *
 * <ul>
 *   <li>per destination host: connections, SYN errors, REJ errors, distinct service keys;
 *   <li>per service key: connections, SYN errors, REJ errors, distinct hosts;
 *   <li>per (host, service): connections — the "distinct" counts move when one of these
 *       appears or disappears;
 *   <li>optionally per (host, source port): connections.
 * </ul>
 *
 * <p>All keys are ring ids ({@link ConnectionRing}), so every count is an array slot: no
 * hashing here. An id's counts are back to 0 by the time the ring frees it.
 *
 * <p>After {@link #add} the accessors describe the window as seen by the connection just added.
 * Capture thread only.
 */
final class WindowAggregates {
    private static final int COUNT = 0;
    private static final int SYN_ERRORS = 1;
    private static final int REJ_ERRORS = 2;
    private static final int DISTINCT = 3;
    private static final int COLUMNS = 4;
    private static final int SYN = ErrorClass.SYN.ordinal();
    private static final int REJ = ErrorClass.REJ.ordinal();

    private final ConnectionRing ring;
    private final int[] hosts;
    private final int[] services;
    private final int[] pairs;
    private final int[] srcPorts;
    private int hostBase;
    private int serviceBase;
    private int sameHostSameService;
    private int sameHostSameSrcPort;

    /** @param countSrcPorts whether to keep the (host, source port) counts */
    WindowAggregates(ConnectionRing ring, boolean countSrcPorts) {
        this.ring = ring;
        hosts = new int[ring.capacity() * COLUMNS];
        services = new int[ring.capacity() * COLUMNS];
        pairs = new int[ring.capacity()];
        srcPorts = countSrcPorts ? new int[ring.capacity()] : null;
    }

    /** Counts placement {@code seq} in, and points the accessors at its keys. */
    void add(long seq) {
        int err = ring.error(seq);
        sameHostSameService = ++pairs[ring.pairId(seq)];
        int distinct = sameHostSameService == 1 ? 1 : 0;
        hostBase = ring.hostId(seq) * COLUMNS;
        serviceBase = ring.serviceId(seq) * COLUMNS;
        count(hosts, hostBase, err, 1, distinct);
        count(services, serviceBase, err, 1, distinct);
        if (srcPorts != null) {
            sameHostSameSrcPort = ++srcPorts[ring.srcPortId(seq)];
        }
    }

    /** Counts placement {@code seq} out; it must be in the window. */
    void remove(long seq) {
        int err = ring.error(seq);
        int distinct = --pairs[ring.pairId(seq)] == 0 ? -1 : 0;
        count(hosts, ring.hostId(seq) * COLUMNS, err, -1, distinct);
        count(services, ring.serviceId(seq) * COLUMNS, err, -1, distinct);
        if (srcPorts != null) {
            srcPorts[ring.srcPortId(seq)]--;
        }
    }

    private static void count(int[] t, int base, int err, int delta, int distinctDelta) {
        t[base + COUNT] += delta;
        if (err == SYN) {
            t[base + SYN_ERRORS] += delta;
        } else if (err == REJ) {
            t[base + REJ_ERRORS] += delta;
        }
        t[base + DISTINCT] += distinctDelta;
    }

    /** Connections to the same destination host. */
    int hostCount() {
        return hosts[hostBase + COUNT];
    }

    int hostSynErrors() {
        return hosts[hostBase + SYN_ERRORS];
    }

    int hostRejErrors() {
        return hosts[hostBase + REJ_ERRORS];
    }

    /** Numerator of the "different services" rate of the host; see {@link #differing}. */
    int hostDifferentServices() {
        return differing(hosts[hostBase + DISTINCT]);
    }

    /** Connections with the same service key. */
    int serviceCount() {
        return services[serviceBase + COUNT];
    }

    int serviceSynErrors() {
        return services[serviceBase + SYN_ERRORS];
    }

    int serviceRejErrors() {
        return services[serviceBase + REJ_ERRORS];
    }

    /** Numerator of the "different hosts" rate of the service; see {@link #differing}. */
    int serviceDifferentHosts() {
        return differing(services[serviceBase + DISTINCT]);
    }

    /** Connections to the same host with the same service key. */
    int sameHostSameService() {
        return sameHostSameService;
    }

    /** Connections to the same host from the same source port. */
    int sameHostSameSrcPort() {
        return sameHostSameSrcPort;
    }

    /**
     * The KDD "different services/hosts" numerator: the number of distinct values in the window
     * (the current one included) when there are at least two, else 0. The files never have it
     * equal to 1, and it exceeds the number of connections with another value by one in 1,847
     * rows ((count 2, same 1) gives diff_srv_rate 1.00): it counts distinct values, not connections.
     */
    static int differing(int distinct) {
        return distinct >= 2 ? distinct : 0;
    }
}
