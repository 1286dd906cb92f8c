package gatewatch.features.arp;

import gatewatch.features.table.SlotIndex;

/**
 * A bounded table keyed by a MAC address and an IPv4 address (either may be 0 when a table keys by
 * one of them), with what {@link ArpWatch} keeps per key: a value, a first and a last time, a count
 * and a flag. A full table first frees the keys not seen for {@code staleNanos}; if none is, the
 * key is not tracked (the caller counts it), and the table does not look again for a second of
 * capture time, so a flood of new keys costs a sweep a second, not one per packet.
 *
 * <p>Allocates nothing after construction. Capture thread only.
 */
final class ArpTable {
    private final SlotIndex index;
    private final long[] mac;
    private final int[] ip;
    final long[] value;
    final long[] first;
    final long[] last;
    final int[] count;
    final boolean[] flag;
    private final long staleNanos;
    private long noSweepBefore = Long.MIN_VALUE;

    ArpTable(int capacity, long staleNanos) {
        this.index = new SlotIndex(capacity, Math.min(SlotIndex.DEFAULT_INITIAL_CELLS, Integer.highestOneBit(capacity) * 2));
        this.mac = new long[capacity];
        this.ip = new int[capacity];
        this.value = new long[capacity];
        this.first = new long[capacity];
        this.last = new long[capacity];
        this.count = new int[capacity];
        this.flag = new boolean[capacity];
        this.staleNanos = staleNanos;
    }

    /** The slot of the key, or {@link SlotIndex#NONE}. */
    int find(long macKey, int ipKey) {
        int h = hash(macKey, ipKey);
        for (int s = index.first(h); s != SlotIndex.NONE; s = index.next()) {
            if (mac[s] == macKey && ip[s] == ipKey) {
                return s;
            }
        }
        return SlotIndex.NONE;
    }

    /**
     * The slot of the key, added (with every field zero) if it was not there; {@link SlotIndex#NONE}
     * when the table is full of keys seen within {@code staleNanos} of {@code now}.
     */
    int findOrAdd(long macKey, int ipKey, long now) {
        int s = find(macKey, ipKey);
        if (s != SlotIndex.NONE) {
            return s;
        }
        if (index.isFull() && !sweep(now)) {
            return SlotIndex.NONE;
        }
        s = index.add(hash(macKey, ipKey));
        mac[s] = macKey;
        ip[s] = ipKey;
        value[s] = 0;
        first[s] = 0;
        last[s] = 0;
        count[s] = 0;
        flag[s] = false;
        return s;
    }

    int size() {
        return index.size();
    }

    /** Frees the stale keys; false if none was (then no sweep for a second). */
    private boolean sweep(long now) {
        if (now < noSweepBefore) {
            return false;
        }
        // Slots in use are not listed anywhere but the index, so walk every slot and ask it.
        boolean freed = false;
        for (int s = 0; s < mac.length; s++) {
            if (now - last[s] > staleNanos && find(mac[s], ip[s]) == s) {
                index.remove(s, hash(mac[s], ip[s]));
                freed = true;
            }
        }
        if (!freed) {
            noSweepBefore = now + 1_000_000_000L;
        }
        return freed;
    }

    private static int hash(long macKey, int ipKey) {
        long h = (macKey ^ ((long) ipKey << 16)) * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
