package gatewatch.features.window;

import gatewatch.features.table.SlotIndex;

/**
 * Gives each distinct key (two longs) a small id, reference counted, so that the windows count
 * in plain arrays indexed by id instead of hashing keys for every counter. Ids are the slots of a
 * {@link SlotIndex}, in {@code [0, maxIds)}, and are reused once their last reference is released.
 * The last key acquired is remembered, since floods and scans repeat one destination host.
 * Allocated once. Capture thread only.
 */
final class IdInterner {
    private final SlotIndex index;
    /** Per id: its key's two longs side by side, so a comparison reads one cache line. */
    private final long[] keys;
    private final int[] refs;
    private long lastA;
    private long lastB;
    private int lastId = -1;

    IdInterner(int maxIds) {
        index = new SlotIndex(maxIds);
        keys = new long[2 * maxIds];
        refs = new int[maxIds];
    }

    /** The id of the key, assigned if new; one more reference to it. */
    int acquire(long a, long b) {
        if (lastId >= 0 && a == lastA && b == lastB) {
            refs[lastId]++;
            return lastId;
        }
        int hash = hash(a, b);
        for (int id = index.first(hash); id != SlotIndex.NONE; id = index.next()) {
            if (keys[2 * id] == a && keys[2 * id + 1] == b) {
                return remember(a, b, id);
            }
        }
        if (index.isFull()) {
            throw new IllegalStateException("more distinct keys than the ring has connections");
        }
        int id = index.add(hash);
        keys[2 * id] = a;
        keys[2 * id + 1] = b;
        refs[id] = 0;
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
        index.remove(id, hash(keys[2 * id], keys[2 * id + 1]));
    }

    private static int hash(long a, long b) {
        long h = (a * 0x9E3779B97F4A7C15L ^ b) * 0xC2B2AE3D27D4EB4FL;
        return (int) (h ^ (h >>> 29) ^ (h >>> 43));
    }
}
