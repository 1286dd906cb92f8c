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
    /** Slot + 1 of the connection at each index position; 0 = empty. */
    private final int[] index;
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
        index = new int[indexSize];
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
            int entry = index[pos];
            if (entry == 0) {
                return null;
            }
            Connection c = slots[entry - 1];
            if (c.hash == hash && c.aLo == aLo && c.bLo == bLo && c.aPort == aPort && c.bPort == bPort
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
        index[pos] = slot + 1;
        size++;
        return c;
    }

    void remove(Connection c) {
        int pos = c.hash & mask;
        while (index[pos] != c.slot + 1) {
            pos = (pos + 1) & mask;
        }
        // Backward-shift: move later entries of the probe run into the hole.
        int hole = pos;
        int next = (hole + 1) & mask;
        while (index[next] != 0) {
            int home = slots[index[next] - 1].hash & mask;
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
