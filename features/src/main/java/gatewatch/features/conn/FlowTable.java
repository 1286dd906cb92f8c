package gatewatch.features.conn;

/**
 * The connection table: a fixed number of slots and an open-addressing index over them
 * (linear probing, backward-shift deletion, so no tombstones accumulate under churn).
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
    private final long[] index;
    private final int mask;
    private int size;

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
        int indexSize = Integer.highestOneBit(Math.max(2, capacity) * 2 - 1) << 1;
        index = new long[indexSize];
        mask = indexSize - 1;
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
        int pos = hash & mask;
        while (index[pos] != 0) {
            pos = (pos + 1) & mask;
        }
        index[pos] = entry(hash, slot);
        size++;
        return c;
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
