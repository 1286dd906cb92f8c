package gatewatch.features.conn;

import gatewatch.features.table.SlotIndex;

/**
 * The connection table: a fixed number of {@link Connection} slots, found by their canonical
 * 5-tuple through a {@link SlotIndex}.
 *
 * <p>The index starts small and grows with the open connections, up to the size the slot count
 * needs: at its full size for the default million connections it is 16 MB, and a lookup in it
 * would miss the caches and the TLB every time even when only tens of thousands of connections
 * are open. It never shrinks, so a flood leaves it at the size the flood needed.
 *
 * <p>{@link Connection} objects are created the first time a slot is used and reused after, so
 * a steady flow of connections allocates nothing. Capture thread only.
 */
final class FlowTable {
    private final Connection[] slots;
    private final SlotIndex index;
    /**
     * The connection the last lookup found or the last insert made, while it is in the table: a
     * packet is often of the same connection as the one before it (28 % of the frames of the
     * merged benchmark capture), and then its key is compared here, in cache, and the index,
     * whose cells a lookup misses in cache when many connections are open, is not read.
     */
    private Connection recent;

    FlowTable(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("connection table capacity must be positive, got " + capacity);
        }
        slots = new Connection[capacity];
        index = new SlotIndex(capacity);
    }

    int capacity() {
        return slots.length;
    }

    int size() {
        return index.size();
    }

    boolean isFull() {
        return index.isFull();
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
        Connection r = recent;
        if (r != null && r.hash == hash && sameKey(r, aHi, aLo, bHi, bLo, aPort, bPort, proto)) {
            return r;
        }
        for (int s = index.first(hash); s != SlotIndex.NONE; s = index.next()) {
            Connection c = slots[s];
            if (sameKey(c, aHi, aLo, bHi, bLo, aPort, bPort, proto)) {
                recent = c;
                return c;
            }
        }
        return null;
    }

    private static boolean sameKey(Connection c, long aHi, long aLo, long bHi, long bLo, int aPort, int bPort, int proto) {
        return c.aLo == aLo && c.bLo == bLo && c.aPort == aPort && c.bPort == bPort
                && c.aHi == aHi && c.bHi == bHi && c.ipProtocol == proto;
    }

    /** Takes a free slot and indexes it under the key; the caller checked {@link #isFull()}. */
    Connection insert(long aHi, long aLo, long bHi, long bLo, int aPort, int bPort, int proto, int hash) {
        int slot = index.add(hash);
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
        recent = c;
        return c;
    }

    /** Current index cells (for tests: the index grows with the traffic). */
    int indexSize() {
        return index.cells();
    }

    void remove(Connection c) {
        if (c == recent) {
            recent = null;
        }
        index.remove(c.slot, c.hash);
    }
}
