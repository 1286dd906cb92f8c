package gatewatch.features.window;

/**
 * Gives each distinct key (two longs) a small id, reference counted, so that the windows count
 * in plain arrays indexed by id instead of hashing keys for every counter. Ids are in
 * {@code [0, maxIds)} and are reused once their last reference is released.
 *
 * <p>Open addressing with linear probing, backward-shift deletion. A slot is three longs —
 * key a, key b, and (home slot, id + 1) with 0 for empty — so a probe reads one cache line.
 * The last key acquired is remembered, since floods and scans repeat one destination host.
 * Allocated once. Capture thread only.
 */
final class IdInterner {
    private static final int STRIDE = 3;
    private final long[] slots;
    private final long[] idKeyA;
    private final long[] idKeyB;
    private final int[] refs;
    private final int[] freeIds;
    private int freeTop;
    private final int mask;
    private long lastA;
    private long lastB;
    private int lastId = -1;

    IdInterner(int maxIds) {
        // At most a quarter full: deletion walks to the end of its probe run, so runs must stay short.
        int capacity = Integer.highestOneBit(Math.max(2, maxIds) * 2 - 1) << 2;
        slots = new long[STRIDE * capacity];
        mask = capacity - 1;
        idKeyA = new long[maxIds];
        idKeyB = new long[maxIds];
        refs = new int[maxIds];
        freeIds = new int[maxIds];
        for (int i = 0; i < maxIds; i++) {
            freeIds[i] = maxIds - 1 - i;
        }
        freeTop = maxIds;
    }

    /** The id of the key, assigned if new; one more reference to it. */
    int acquire(long a, long b) {
        if (lastId >= 0 && a == lastA && b == lastB) {
            refs[lastId]++;
            return lastId;
        }
        int home = home(a, b);
        int pos = home;
        long meta;
        while ((meta = slots[STRIDE * pos + 2]) != 0) {
            if (slots[STRIDE * pos] == a && slots[STRIDE * pos + 1] == b) {
                return remember(a, b, (int) meta - 1);
            }
            pos = (pos + 1) & mask;
        }
        if (freeTop == 0) {
            throw new IllegalStateException("more distinct keys than the ring has connections");
        }
        int id = freeIds[--freeTop];
        idKeyA[id] = a;
        idKeyB[id] = b;
        refs[id] = 0;
        slots[STRIDE * pos] = a;
        slots[STRIDE * pos + 1] = b;
        slots[STRIDE * pos + 2] = (long) home << 32 | (id + 1);
        return remember(a, b, id);
    }

    private int remember(long a, long b, int id) {
        refs[id]++;
        lastA = a;
        lastB = b;
        lastId = id;
        return id;
    }

    /** One reference less; the id is freed with its last one. */
    void release(int id) {
        if (--refs[id] > 0) {
            return;
        }
        if (id == lastId) {
            lastId = -1;
        }
        int pos = home(idKeyA[id], idKeyB[id]);
        while ((int) slots[STRIDE * pos + 2] != id + 1) {
            pos = (pos + 1) & mask;
        }
        int hole = pos;
        int next = (hole + 1) & mask;
        long meta;
        while ((meta = slots[STRIDE * next + 2]) != 0) {
            if (LinearProbing.canFill(hole, next, (int) (meta >>> 32))) {
                slots[STRIDE * hole] = slots[STRIDE * next];
                slots[STRIDE * hole + 1] = slots[STRIDE * next + 1];
                slots[STRIDE * hole + 2] = meta;
                hole = next;
            }
            next = (next + 1) & mask;
        }
        slots[STRIDE * hole + 2] = 0;
        freeIds[freeTop++] = id;
    }

    private int home(long a, long b) {
        long h = (a * 0x9E3779B97F4A7C15L ^ b) * 0xC2B2AE3D27D4EB4FL;
        return (int) (h ^ (h >>> 29) ^ (h >>> 43)) & mask;
    }
}
