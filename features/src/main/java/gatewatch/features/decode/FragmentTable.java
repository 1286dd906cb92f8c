package gatewatch.features.decode;

import gatewatch.features.table.SlotIndex;
import gatewatch.features.table.SlotLists;

/**
 * The datagrams being reassembled, keyed by (IP version, protocol, id, source, destination):
 * a fixed set of {@link FragmentDatagram} slots made up front, a {@link SlotIndex} over them,
 * and a {@link SlotLists} list from oldest to newest for timeouts and eviction.
 *
 * <p>Age is the packet time of a datagram's first fragment, as Linux times its queues; a
 * datagram is dropped once packet time has moved past that by the timeout, or, when every slot
 * is in use, the oldest makes room for a new one. Packet time that goes backwards (merged
 * captures) expires nothing until it has caught up again. Capture thread only.
 */
final class FragmentTable {
    /** The one list of {@link #ages}: slots from the oldest datagram to the newest. */
    private static final int AGE = 0;

    private final FragmentDatagram[] slots;
    private final long timeoutNanos;
    private final DecodeCounters counters;
    private final SlotIndex index;
    private final SlotLists ages;
    /** Per slot: its key's hash, to take it out of the index. */
    private final int[] hashes;

    FragmentTable(FragmentLimits limits, DecodeCounters counters) {
        int n = limits.maxDatagrams();
        this.timeoutNanos = limits.timeoutNanos();
        this.counters = counters;
        slots = new FragmentDatagram[n];
        for (int i = 0; i < n; i++) {
            slots[i] = new FragmentDatagram(limits.maxFragmentsPerDatagram(), limits.maxDatagramBytes());
        }
        index = new SlotIndex(n);
        ages = new SlotLists(n, 1);
        hashes = new int[n];
    }

    int inFlight() {
        return index.size();
    }

    FragmentDatagram get(int slot) {
        return slots[slot];
    }

    /** The slot of the datagram {@code v}'s addresses and protocol with {@code id} belong to; a new one if none. */
    int open(PacketView v, long id, long now) {
        int hash = hash(v.ipVersion, v.protocol, id, v.srcHi, v.srcLo, v.dstHi, v.dstLo);
        for (int slot = index.first(hash); slot != SlotIndex.NONE; slot = index.next()) {
            if (slots[slot].matches(v.ipVersion, v.protocol, id, v.srcHi, v.srcLo, v.dstHi, v.dstLo)) {
                return slot;
            }
        }
        if (index.isFull()) {
            counters.countFragment(FragmentCounter.EVICTED);
            release(ages.first(AGE));
        }
        int slot = index.add(hash);
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
        ages.append(AGE, slot);
        return slot;
    }

    /** Drops the datagrams whose first fragment is older than the timeout at packet time {@code now}. */
    void expire(long now) {
        int oldest;
        while ((oldest = ages.first(AGE)) != SlotLists.NONE && now - slots[oldest].created > timeoutNanos) {
            counters.countFragment(FragmentCounter.EXPIRED);
            release(oldest);
        }
    }

    /** Drops every datagram still incomplete (the capture has ended), counted as expired. */
    void clear() {
        int oldest;
        while ((oldest = ages.first(AGE)) != SlotLists.NONE) {
            counters.countFragment(FragmentCounter.EXPIRED);
            release(oldest);
        }
    }

    /** Frees a slot. Its buffer keeps its bytes until the slot is used again, so a view over it stays valid. */
    void release(int slot) {
        index.remove(slot, hashes[slot]);
        ages.unlink(AGE, slot);
    }

    private static int hash(int version, int protocol, long id, long srcHi, long srcLo, long dstHi, long dstLo) {
        long h = id * 0x9e37_79b9_7f4a_7c15L;
        h = (h ^ srcLo) * 0xbf58_476d_1ce4_e5b9L;
        h = (h ^ dstLo) * 0x94d0_49bb_1331_11ebL;
        h = (h ^ srcHi ^ dstHi * 31 ^ (protocol << 8 | version)) * 0x9e37_79b9_7f4a_7c15L;
        return (int) (h ^ h >>> 32);
    }
}
