package gatewatch.features.conn;

/**
 * The connection table: a fixed number of slots and an open-addressing index over them
 * (linear probing, backward-shift deletion, so no tombstones accumulate under churn).
 *
 * <p>The index starts small and doubles whenever it would be more than half full, up to the size
 * the slot count needs. At its full size for the default million connections it is 16 MB, and a
 * lookup in it misses the caches and the TLB every time, which makes the probes a large share of
 * the capture thread's time even when only tens of thousands of connections are open. Grown to the
 * traffic, it stays in cache; it grows at most a handful of times over a run (a rehash reads only
 * the index, whose entries carry their hash), and never shrinks, so a flood leaves it at the
 * size the flood needed.
 *
 * <p>{@link Connection} objects are created the first time a slot is used and reused after, so
 * a steady flow of connections allocates nothing. Capture thread only.
 */
final class FlowTable {
    private final Connection[] slots;
    private final int[] freeSlots;
    private int freeTop;
    /**
     * Per index position: the connection's hash in the high half and its slot + 1 in the low half;
     * 0 = empty. Keeping the hash here lets a probe skip other keys without loading their
     * {@link Connection} (a cache miss each when the table is large, as under a SYN flood).
     */
    private long[] index;
    private int mask;
    private final int maxIndexSize;
    private int size;

    /** The index's first size: 16,384 entries, 128 KiB. */
    static final int INITIAL_INDEX_SIZE = 1 << 14;

    FlowTable(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("connection table capacity must be positive, got " + capacity);
        }
        slots = new Connection[capacity];
        freeSlots = new int[capacity];
        for (int i = 0; i < capacity; i++) {
            freeSlots[i] = capacity - 1 - i;
        }
        freeTop = capacity;
        maxIndexSize = Integer.highestOneBit(Math.max(2, capacity) * 2 - 1) << 1;
        index = new long[Math.min(maxIndexSize, INITIAL_INDEX_SIZE)];
        mask = index.length - 1;
    }

    int capacity() {
        return slots.length;
    }

    int size() {
        return size;
    }

    boolean isFull() {
        return freeTop == 0;
    }

    Connection slot(int i) {
        return slots[i];
    }

    static int hash(long aHi, long aLo, long bHi, long bLo, int aPort, int bPort, int proto) {
        long h = aHi * 0x9E3779B97F4A7C15L;
        h = (h ^ aLo) * 0xC2B2AE3D27D4EB4FL;
        h = (h ^ bHi) * 0x9E3779B97F4A7C15L;
        h = (h ^ bLo) * 0xC2B2AE3D27D4EB4FL;
        h = (h ^ ((long) aPort << 32 | (long) bPort << 8 | proto)) * 0x9E3779B97F4A7C15L;
        h ^= h >>> 29;
        return (int) (h ^ (h >>> 32));
    }

    Connection find(long aHi, long aLo, long bHi, long bLo, int aPort, int bPort, int proto, int hash) {
        int pos = hash & mask;
        while (true) {
            long entry = index[pos];
            if (entry == 0) {
                return null;
            }
            if ((int) (entry >>> 32) != hash) {
                pos = (pos + 1) & mask;
                continue;
            }
            Connection c = slots[(int) entry - 1];
            if (c.aLo == aLo && c.bLo == bLo && c.aPort == aPort && c.bPort == bPort
                    && c.aHi == aHi && c.bHi == bHi && c.ipProtocol == proto) {
                return c;
            }
            pos = (pos + 1) & mask;
        }
    }

    /** Takes a free slot and indexes it under the key; the caller checked {@link #isFull()}. */
    Connection insert(long aHi, long aLo, long bHi, long bLo, int aPort, int bPort, int proto, int hash) {
        int slot = freeSlots[--freeTop];
        Connection c = slots[slot];
        if (c == null) {
            c = new Connection(slot);
            slots[slot] = c;
        }
        c.reset();
        c.aHi = aHi;
        c.aLo = aLo;
        c.bHi = bHi;
        c.bLo = bLo;
        c.aPort = aPort;
        c.bPort = bPort;
        c.ipProtocol = proto;
        c.hash = hash;
        if (2 * (size + 1) > index.length && index.length < maxIndexSize) {
            grow();
        }
        place(index, mask, entry(hash, slot));
        size++;
        return c;
    }

    /** Current index entries (for tests: the index grows with the traffic). */
    int indexSize() {
        return index.length;
    }

    private void grow() {
        long[] bigger = new long[index.length * 2];
        int biggerMask = bigger.length - 1;
        for (long e : index) {
            if (e != 0) {
                place(bigger, biggerMask, e);
            }
        }
        index = bigger;
        mask = biggerMask;
    }

    private static void place(long[] index, int mask, long entry) {
        int pos = (int) (entry >>> 32) & mask;
        while (index[pos] != 0) {
            pos = (pos + 1) & mask;
        }
        index[pos] = entry;
    }

    private static long entry(int hash, int slot) {
        return (long) hash << 32 | (slot + 1L);
    }

    void remove(Connection c) {
        int pos = c.hash & mask;
        long own = entry(c.hash, c.slot);
        while (index[pos] != own) {
            pos = (pos + 1) & mask;
        }
        // Backward-shift: move later entries of the probe run into the hole.
        int hole = pos;
        int next = (hole + 1) & mask;
        while (index[next] != 0) {
            int home = (int) (index[next] >>> 32) & mask;
            boolean movable = hole <= next ? (home <= hole || home > next) : (home <= hole && home > next);
            if (movable) {
                index[hole] = index[next];
                hole = next;
            }
            next = (next + 1) & mask;
        }
        index[hole] = 0;
        freeSlots[freeTop++] = c.slot;
        size--;
    }
}
