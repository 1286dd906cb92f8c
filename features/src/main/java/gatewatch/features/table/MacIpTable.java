package gatewatch.features.table;

/**
 * A bounded table keyed by a MAC address and an IPv4 address (either may be 0 when a table keys by
 * one of them), with what the capture thread's link watches (ARP, DHCP) keep per key: a value, a
 * first and a last time, a count and a flag, as public arrays indexed by slot. A full table first frees the keys not seen for {@code staleNanos}; if none is, the
 * key is not tracked (the caller counts it), and the table does not look again for a second of
 * capture time, so a flood of new keys costs a sweep a second, not one per packet.
 *
 * <p>Allocates nothing after construction. Capture thread only.
 */
public final class MacIpTable {
    private final SlotIndex index;
    private final long[] mac;
    private final int[] ip;
    public final long[] value;
    public final long[] first;
    public final long[] last;
    public final int[] count;
    public final boolean[] flag;
    private final long staleNanos;
    private long noSweepBefore = Long.MIN_VALUE;

    public MacIpTable(int capacity, long staleNanos) {
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
    public int find(long macKey, int ipKey) {
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
    public int findOrAdd(long macKey, int ipKey, long now) {
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

    /**
     * Counts one piece of evidence for the key in {@code slot}, in episodes: an episode starts with
     * the first evidence after {@code quietNanos} without any ({@link #first} = its start), and
     * its alert is due once, when {@code threshold} pieces fall within {@code windowNanos} of the
     * window's start ({@link #value}: restarted when the evidence comes too slowly). Uses
     * {@link #first}, {@link #last}, {@link #value}, {@link #count} and {@link #flag} (alerted).
     *
     * @return true exactly once per episode: when the alert is due
     */
    public boolean countTowardAlert(int slot, long now, long windowNanos, int threshold, long quietNanos) {
        int s = slot;
        if (last[s] == 0 || now - last[s] > quietNanos) {
            first[s] = now;
            flag[s] = false;
            value[s] = now;
            count[s] = 0;
        }
        last[s] = now;
        if (flag[s]) {
            return false;
        }
        if (now - value[s] > windowNanos) {
            value[s] = now;
            count[s] = 0;
        }
        if (++count[s] >= threshold) {
            flag[s] = true;
            return true;
        }
        return false;
    }

    public int size() {
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
