package gatewatch.features.decode;

/**
 * The datagrams being reassembled, keyed by (IP version, protocol, id, source, destination):
 * a fixed set of {@link FragmentDatagram} slots made up front, an open-addressing index over
 * them, and a list from oldest to newest for timeouts and eviction.
 *
 * <p>Age is the packet time of a datagram's first fragment, as Linux times its queues; a
 * datagram is dropped once packet time has moved past that by the timeout, or, when every slot
 * is in use, the oldest makes room for a new one. Packet time that goes backwards (merged
 * captures) expires nothing until it has caught up again. Capture thread only.
 */
final class FragmentTable {
    private static final int EMPTY = -1;

    private final FragmentDatagram[] slots;
    private final long timeoutNanos;
    private final DecodeCounters counters;
    /** Open addressing with linear probing: slot + 1, or 0 for an empty cell. */
    private final int[] index;
    private final int mask;
    private final int[] hashes;
    private final int[] older;
    private final int[] newer;
    private final int[] free;
    private int freeCount;
    private int oldest = EMPTY;
    private int newest = EMPTY;

    FragmentTable(FragmentLimits limits, DecodeCounters counters) {
        int n = limits.maxDatagrams();
        this.timeoutNanos = limits.timeoutNanos();
        this.counters = counters;
        slots = new FragmentDatagram[n];
        hashes = new int[n];
        older = new int[n];
        newer = new int[n];
        free = new int[n];
        for (int i = 0; i < n; i++) {
            slots[i] = new FragmentDatagram(limits.maxFragmentsPerDatagram(), limits.maxDatagramBytes());
            free[i] = n - 1 - i;
        }
        freeCount = n;
        int cells = Integer.highestOneBit(n * 2 - 1) << 1;
        index = new int[cells];
        mask = cells - 1;
    }

    int inFlight() {
        return slots.length - freeCount;
    }

    FragmentDatagram get(int slot) {
        return slots[slot];
    }

    /** The slot of the datagram {@code v}'s addresses and protocol with {@code id} belong to; a new one if none. */
    int open(PacketView v, long id, long now) {
        int hash = hash(v.ipVersion, v.protocol, id, v.srcHi, v.srcLo, v.dstHi, v.dstLo);
        for (int cell = hash & mask; index[cell] != 0; cell = (cell + 1) & mask) {
            int slot = index[cell] - 1;
            if (hashes[slot] == hash && slots[slot].matches(v.ipVersion, v.protocol, id, v.srcHi, v.srcLo, v.dstHi, v.dstLo)) {
                return slot;
            }
        }
        if (freeCount == 0) {
            counters.countFragment(FragmentCounter.EVICTED);
            release(oldest);
        }
        int slot = free[--freeCount];
        FragmentDatagram d = slots[slot];
        d.version = v.ipVersion;
        d.protocol = v.protocol;
        d.id = id;
        d.srcHi = v.srcHi;
        d.srcLo = v.srcLo;
        d.dstHi = v.dstHi;
        d.dstLo = v.dstLo;
        d.reset(now);
        hashes[slot] = hash;
        int cell = hash & mask;
        while (index[cell] != 0) {
            cell = (cell + 1) & mask;
        }
        index[cell] = slot + 1;
        older[slot] = newest;
        newer[slot] = EMPTY;
        if (newest != EMPTY) {
            newer[newest] = slot;
        } else {
            oldest = slot;
        }
        newest = slot;
        return slot;
    }

    /** Drops the datagrams whose first fragment is older than the timeout at packet time {@code now}. */
    void expire(long now) {
        while (oldest != EMPTY && now - slots[oldest].created > timeoutNanos) {
            counters.countFragment(FragmentCounter.EXPIRED);
            release(oldest);
        }
    }

    /** Drops every datagram still incomplete (the capture has ended), counted as expired. */
    void clear() {
        while (oldest != EMPTY) {
            counters.countFragment(FragmentCounter.EXPIRED);
            release(oldest);
        }
    }

    /** Frees a slot. Its buffer keeps its bytes until the slot is used again, so a view over it stays valid. */
    void release(int slot) {
        removeFromIndex(slot);
        int o = older[slot];
        int n = newer[slot];
        if (o != EMPTY) {
            newer[o] = n;
        } else {
            oldest = n;
        }
        if (n != EMPTY) {
            older[n] = o;
        } else {
            newest = o;
        }
        free[freeCount++] = slot;
    }

    /** Removes the slot's cell and shifts later cells of its probe run back (no tombstones). */
    private void removeFromIndex(int slot) {
        int hole = hashes[slot] & mask;
        while (index[hole] != slot + 1) {
            hole = (hole + 1) & mask;
        }
        for (int cell = (hole + 1) & mask; index[cell] != 0; cell = (cell + 1) & mask) {
            int home = hashes[index[cell] - 1] & mask;
            // Move the entry back into the hole unless its home lies cyclically in (hole, cell].
            boolean homeAfterHole = hole <= cell ? home > hole && home <= cell : home > hole || home <= cell;
            if (!homeAfterHole) {
                index[hole] = index[cell];
                hole = cell;
            }
        }
        index[hole] = 0;
    }

    private static int hash(int version, int protocol, long id, long srcHi, long srcLo, long dstHi, long dstLo) {
        long h = id * 0x9e37_79b9_7f4a_7c15L;
        h = (h ^ srcLo) * 0xbf58_476d_1ce4_e5b9L;
        h = (h ^ dstLo) * 0x94d0_49bb_1331_11ebL;
        h = (h ^ srcHi ^ dstHi * 31 ^ (protocol << 8 | version)) * 0x9e37_79b9_7f4a_7c15L;
        return (int) (h ^ h >>> 32);
    }
}
