package gatewatch.features.window;

/**
 * Per-key counts over the connections currently in one window, kept up to date as connections
 * enter and leave, so that every feature is a lookup: O(1) per connection, no rescans.
 *
 * <ul>
 *   <li>per destination host: connections, SYN errors, REJ errors, distinct services;
 *   <li>per service key: connections, SYN errors, REJ errors, distinct destination hosts;
 *   <li>per (host, service): connections — the "distinct" counts move when one of these
 *       appears or disappears;
 *   <li>optionally per (host, source port): connections.
 * </ul>
 *
 * <p>After {@link #add} the accessors describe the window as seen by the connection just added
 * (whose own keys they read). Capture thread only.
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
    private final CounterTable hosts;
    private final CounterTable services;
    private final CounterTable pairs;
    private final CounterTable srcPorts;
    private int hostSlot;
    private int serviceSlot;
    private int pairSlot;
    private int srcPortSlot;

    /**
     * @param maxConnections  most connections in the window
     * @param countSrcPorts whether to keep the (host, source port) counts
     */
    WindowAggregates(ConnectionRing ring, int maxConnections, boolean countSrcPorts) {
        this.ring = ring;
        hosts = new CounterTable(maxConnections, COLUMNS);
        services = new CounterTable(maxConnections, COLUMNS);
        pairs = new CounterTable(maxConnections, 1);
        srcPorts = countSrcPorts ? new CounterTable(maxConnections, 1) : null;
    }

    /** Counts placement {@code seq} in, and points the accessors at its keys. */
    void add(long seq) {
        long hi = ring.hostHi(seq);
        long lo = ring.hostLo(seq);
        int srv = ring.service(seq);
        int err = ring.error(seq);
        pairSlot = pairs.findOrInsert(hi, lo, srv);
        int distinctDelta = pairs.add(pairSlot, COUNT, 1) == 1 ? 1 : 0;
        hostSlot = hosts.findOrInsert(hi, lo, 0);
        count(hosts, hostSlot, err, 1, distinctDelta);
        serviceSlot = services.findOrInsert(0, 0, srv);
        count(services, serviceSlot, err, 1, distinctDelta);
        if (srcPorts != null) {
            srcPortSlot = srcPorts.findOrInsert(hi, lo, ring.srcPort(seq));
            srcPorts.add(srcPortSlot, COUNT, 1);
        }
    }

    /** Counts placement {@code seq} out; it must be in the window. */
    void remove(long seq) {
        long hi = ring.hostHi(seq);
        long lo = ring.hostLo(seq);
        int srv = ring.service(seq);
        int err = ring.error(seq);
        int p = pairs.find(hi, lo, srv);
        int distinctDelta = 0;
        if (pairs.add(p, COUNT, -1) == 0) {
            pairs.remove(p);
            distinctDelta = -1;
        }
        uncount(hosts, hosts.find(hi, lo, 0), err, distinctDelta);
        uncount(services, services.find(0, 0, srv), err, distinctDelta);
        if (srcPorts != null) {
            int s = srcPorts.find(hi, lo, ring.srcPort(seq));
            if (srcPorts.add(s, COUNT, -1) == 0) {
                srcPorts.remove(s);
            }
        }
    }

    private static void count(CounterTable t, int slot, int err, int delta, int distinctDelta) {
        t.add(slot, COUNT, delta);
        if (err == SYN) {
            t.add(slot, SYN_ERRORS, delta);
        } else if (err == REJ) {
            t.add(slot, REJ_ERRORS, delta);
        }
        t.add(slot, DISTINCT, distinctDelta);
    }

    private static void uncount(CounterTable t, int slot, int err, int distinctDelta) {
        count(t, slot, err, -1, distinctDelta);
        if (t.get(slot, COUNT) == 0) {
            t.remove(slot);
        }
    }

    /** Connections to the same destination host. */
    int hostCount() {
        return hosts.get(hostSlot, COUNT);
    }

    int hostSynErrors() {
        return hosts.get(hostSlot, SYN_ERRORS);
    }

    int hostRejErrors() {
        return hosts.get(hostSlot, REJ_ERRORS);
    }

    /** Numerator of the "different services" rate of the host; see {@link #differing}. */
    int hostDifferentServices() {
        return differing(hosts.get(hostSlot, DISTINCT));
    }

    /** Connections with the same service key. */
    int serviceCount() {
        return services.get(serviceSlot, COUNT);
    }

    int serviceSynErrors() {
        return services.get(serviceSlot, SYN_ERRORS);
    }

    int serviceRejErrors() {
        return services.get(serviceSlot, REJ_ERRORS);
    }

    /** Numerator of the "different hosts" rate of the service; see {@link #differing}. */
    int serviceDifferentHosts() {
        return differing(services.get(serviceSlot, DISTINCT));
    }

    /** Connections to the same host with the same service key. */
    int sameHostSameService() {
        return pairs.get(pairSlot, COUNT);
    }

    /** Connections to the same host from the same source port. */
    int sameHostSameSrcPort() {
        return srcPorts.get(srcPortSlot, COUNT);
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
