package gatewatch.features.table;

import java.util.Arrays;

/**
 * The one hash table of gatewatch: a fixed pool of slots {@code [0, capacity)} and an
 * open-addressing index (linear probing, backward-shift deletion, so no tombstones accumulate
 * under churn) that finds a slot by its key's hash. The keys themselves stay with the caller, in
 * whatever its slots hold (a connection's 5-tuple, a datagram's addresses and id, two longs, a row
 * of doubles); the index holds only each slot's 32-bit hash, so a lookup walks the candidates of
 * one hash and the caller compares keys:
 *
 * <pre>{@code
 * for (int s = index.first(hash); s != SlotIndex.NONE; s = index.next()) {
 *     if (keyOfSlot(s) equals key) return s;
 * }
 * }</pre>
 *
 * <p>Keeping the hash in the index lets a probe skip other keys without loading them (a cache
 * miss each when the slots are many, as under a SYN flood). The index starts at
 * {@code initialCells} and doubles whenever it would be more than half full, up to the size the
 * slot count needs; it never shrinks. A lookup, an {@link #add} (when the index does not grow)
 * and a {@link #remove} allocate nothing. Free slots are handed out last freed first, then unused
 * ones in increasing order.
 *
 * <p>Not thread-safe; the lookup cursor ({@link #first}, {@link #next}) is state of the table,
 * so one lookup at a time.
 */
public final class SlotIndex {
    /** No slot: the end of a lookup. */
    public static final int NONE = -1;
    /** The index's first size when not given: 16,384 cells, 128 KiB. */
    public static final int DEFAULT_INITIAL_CELLS = 1 << 14;

    private final int capacity;
    /** Freed slots, last freed on top; slots at or above {@link #fresh} were never handed out. */
    private final int[] freed;
    private int freedTop;
    private int fresh;
    private int size;
    /** Per cell: the slot's hash in the high half and slot + 1 in the low half; 0 = empty. */
    private long[] cells;
    private int mask;
    private final int maxCells;
    /** The lookup cursor: the cell it looks at next and the hash it looks for. */
    private int probe;
    private int probeHash;

    /** An index over {@code capacity} slots, starting at {@link #DEFAULT_INITIAL_CELLS} cells (or fewer when enough). */
    public SlotIndex(int capacity) {
        this(capacity, DEFAULT_INITIAL_CELLS);
    }

    /** An index over {@code capacity} slots, starting at {@code initialCells} (a power of two) or fewer when enough. */
    public SlotIndex(int capacity, int initialCells) {
        if (capacity < 1) {
            throw new IllegalArgumentException("slot capacity must be positive, got " + capacity);
        }
        if (initialCells < 2 || Integer.bitCount(initialCells) != 1) {
            throw new IllegalArgumentException("initial cells must be a power of two of at least 2, got " + initialCells);
        }
        this.capacity = capacity;
        freed = new int[capacity];
        // At most half full with every slot in use.
        maxCells = Integer.highestOneBit(Math.max(2, capacity) * 2 - 1) << 1;
        cells = new long[Math.min(maxCells, initialCells)];
        mask = cells.length - 1;
    }

    public int capacity() {
        return capacity;
    }

    /** Slots in use. */
    public int size() {
        return size;
    }

    public boolean isFull() {
        return size == capacity;
    }

    /** Current cells of the index (it grows with the slots in use). */
    public int cells() {
        return cells.length;
    }

    /** The first slot indexed under {@code hash}, or {@link #NONE}; {@link #next} gives the others. */
    public int first(int hash) {
        probe = hash & mask;
        probeHash = hash;
        return next();
    }

    /** The next slot indexed under the hash of the last {@link #first}, or {@link #NONE}. */
    public int next() {
        long[] c = cells;
        int pos = probe;
        long entry;
        while ((entry = c[pos]) != 0) {
            pos = (pos + 1) & mask;
            if ((int) (entry >>> 32) == probeHash) {
                probe = pos;
                return (int) entry - 1;
            }
        }
        probe = pos;
        return NONE;
    }

    /**
     * Takes a free slot and indexes it under {@code hash}; the caller checked {@link #isFull()}
     * and looked the key up first (the index does not know keys, so it cannot refuse a duplicate).
     */
    public int add(int hash) {
        if (size == capacity) {
            throw new IllegalStateException("all " + capacity + " slots are in use");
        }
        int slot = freedTop > 0 ? freed[--freedTop] : fresh++;
        if (2 * (size + 1) > cells.length && cells.length < maxCells) {
            grow();
        }
        place(cells, mask, entry(hash, slot));
        size++;
        return slot;
    }

    /** Frees {@code slot}, indexed under {@code hash}, and takes it out of the index. */
    public void remove(int slot, int hash) {
        long own = entry(hash, slot);
        int pos = hash & mask;
        while (cells[pos] != own) {
            pos = (pos + 1) & mask;
        }
        // Backward shift: move later entries of the probe run into the hole, unless an entry's
        // home lies cyclically in (hole, next], for then it would sit in front of its home and
        // never be found.
        int hole = pos;
        int next = (hole + 1) & mask;
        long entry;
        while ((entry = cells[next]) != 0) {
            int home = (int) (entry >>> 32) & mask;
            boolean movable = hole <= next ? (home <= hole || home > next) : (home <= hole && home > next);
            if (movable) {
                cells[hole] = entry;
                hole = next;
            }
            next = (next + 1) & mask;
        }
        cells[hole] = 0;
        freed[freedTop++] = slot;
        size--;
    }

    /** Frees every slot at once; the next slots handed out are 0, 1, 2, ... again. */
    public void clear() {
        Arrays.fill(cells, 0);
        freedTop = 0;
        fresh = 0;
        size = 0;
    }

    private void grow() {
        long[] bigger = new long[cells.length * 2];
        int biggerMask = bigger.length - 1;
        for (long e : cells) {
            if (e != 0) {
                place(bigger, biggerMask, e);
            }
        }
        cells = bigger;
        mask = biggerMask;
    }

    private static void place(long[] cells, int mask, long entry) {
        int pos = (int) (entry >>> 32) & mask;
        while (cells[pos] != 0) {
            pos = (pos + 1) & mask;
        }
        cells[pos] = entry;
    }

    private static long entry(int hash, int slot) {
        return (long) hash << 32 | (slot + 1L);
    }
}
