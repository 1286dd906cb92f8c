package gatewatch.features.window;

/**
 * A fixed-capacity hash table from a key of (long, long, int) to a row of int counters: open
 * addressing, linear probing, backward-shift deletion (no tombstones under churn), all primitive
 * arrays, allocated once.
 *
 * <p>A window never holds more distinct keys than connections, so a table sized for the window
 * can never fill up; reaching the bound is a bug and throws. Capture thread only.
 */
final class CounterTable {
    private final long[] keyA;
    private final long[] keyB;
    private final int[] keyC;
    private final boolean[] used;
    private final int[] values;
    private final int columns;
    private final int mask;
    private final int maxEntries;
    private int size;

    /**
     * @param maxEntries most keys present at once
     * @param columns    counters per key
     */
    CounterTable(int maxEntries, int columns) {
        // At most half full, so probe runs stay short.
        int capacity = Integer.highestOneBit(Math.max(2, maxEntries) * 2 - 1) << 1;
        keyA = new long[capacity];
        keyB = new long[capacity];
        keyC = new int[capacity];
        used = new boolean[capacity];
        values = new int[capacity * columns];
        this.columns = columns;
        this.mask = capacity - 1;
        this.maxEntries = maxEntries;
    }

    int size() {
        return size;
    }

    /** The slot of the key, or -1. */
    int find(long a, long b, int c) {
        int pos = probe(a, b, c);
        return pos >= 0 ? pos : -1;
    }

    /** The slot of the key, inserting it with zero counters when absent. */
    int findOrInsert(long a, long b, int c) {
        int pos = probe(a, b, c);
        if (pos >= 0) {
            return pos;
        }
        if (size == maxEntries) {
            throw new IllegalStateException("counter table holds more keys than its window has connections");
        }
        pos = ~pos;
        used[pos] = true;
        keyA[pos] = a;
        keyB[pos] = b;
        keyC[pos] = c;
        size++;
        return pos;
    }

    /** The key's slot, or {@code ~slot} of the empty slot where it would go. */
    private int probe(long a, long b, int c) {
        int pos = hash(a, b, c) & mask;
        while (used[pos]) {
            if (keyA[pos] == a && keyB[pos] == b && keyC[pos] == c) {
                return pos;
            }
            pos = (pos + 1) & mask;
        }
        return ~pos;
    }

    int get(int slot, int column) {
        return values[slot * columns + column];
    }

    /** Adds {@code delta} to a counter and returns its new value. */
    int add(int slot, int column, int delta) {
        return values[slot * columns + column] += delta;
    }

    /** Removes the key at {@code slot}; slots of other keys may move. */
    void remove(int slot) {
        int hole = slot;
        int next = (hole + 1) & mask;
        while (used[next]) {
            int home = hash(keyA[next], keyB[next], keyC[next]) & mask;
            // The entry at next may fill the hole unless its home lies cyclically in (hole, next].
            boolean movable = hole <= next ? (home <= hole || home > next) : (home <= hole && home > next);
            if (movable) {
                move(next, hole);
                hole = next;
            }
            next = (next + 1) & mask;
        }
        used[hole] = false;
        int base = hole * columns;
        for (int i = 0; i < columns; i++) {
            values[base + i] = 0;
        }
        size--;
    }

    private void move(int from, int to) {
        keyA[to] = keyA[from];
        keyB[to] = keyB[from];
        keyC[to] = keyC[from];
        System.arraycopy(values, from * columns, values, to * columns, columns);
    }

    private static int hash(long a, long b, int c) {
        long h = a * 0x9E3779B97F4A7C15L;
        h = (h ^ b) * 0xC2B2AE3D27D4EB4FL;
        h = (h ^ c) * 0x9E3779B97F4A7C15L;
        h ^= h >>> 29;
        return (int) (h ^ (h >>> 32));
    }
}
