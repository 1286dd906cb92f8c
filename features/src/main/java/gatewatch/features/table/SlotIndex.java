package gatewatch.features.table;

import java.util.Arrays;

/**
 * The one hash table of gatewatch: a fixed pool of slots {@code [0, capacity)} and an
 * open-addressing index (linear probing, backward-shift deletion, so no tombstones accumulate
 * under churn) that finds a slot by its key's hash. The keys themselves stay with the caller, in
 * whatever its slots hold (a connection's 5-tuple, a datagram's addresses and id, two longs, a row
 * of doubles); the index gives the candidates of one hash and the caller compares keys:
 *
 * <pre>{@code
 * for (int s = index.first(hash); s != SlotIndex.NONE; s = index.next()) {
 *     if (keyOfSlot(s) equals key) return s;
 * }
 * }</pre>
 *
 * <p>A cell is one {@code int}: the slot and, in the bits the slot number does not need, the
 * high bits of its hash (a tag). A probe skips the cells whose tag differs without loading their
 * keys (a cache miss each when the slots are many, as under a SYN flood); a slot whose hash shares
 * the tag is a candidate too, so a lookup may give a few slots of other hashes, which the
 * caller's key comparison passes over (for a million slots, one cell in 4,096 of other hashes).
 * Four bytes a cell, not eight with the whole hash, halve the memory a lookup misses in (the
 * connection table's index, 1 MiB with eight bytes, no longer fills a core's cache by itself).
 * The whole hash of each slot is kept beside, for the moves of deletion and growth only. The
 * index starts at {@code initialCells} and doubles whenever it would be more than half full, up to
 * the size the slot count needs; it never shrinks. A lookup, an {@link #add} (when the index does
 * not grow) and a {@link #remove} allocate nothing. Free slots are handed out last freed first,
 * then unused ones in increasing order.
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
    /** Per cell: the tag bits of the slot's hash ({@link #tagMask}) and slot + 1 below them; 0 = empty. */
    private int[] cells;
    private int mask;
    private final int maxCells;
    /** The bits of a cell that hold slot + 1; the ones above hold the tag. */
    private final int slotMask;
    private final int tagMask;
    /**
     * Each slot's whole hash, for finding a cell's home when deletion or growth moves it; as long
     * as the slots that can be in use at the current size (slots are handed out from 0 up).
     */
    private int[] hashes;
    /** The lookup cursor: the cell it looks at next and the tag it looks for. */
    private int probe;
    private int probeTag;

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
        cells = new int[Math.min(maxCells, initialCells)];
        mask = cells.length - 1;
        slotMask = -1 >>> Integer.numberOfLeadingZeros(capacity);
        tagMask = ~slotMask;
        hashes = new int[slotsFor(cells.length)];
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

    /**
     * The first candidate for {@code hash}, or {@link #NONE}; {@link #next} gives the others. Every
     * slot indexed under {@code hash} is among the candidates, and maybe a slot of another hash.
     */
    public int first(int hash) {
        probe = hash & mask;
        probeTag = hash & tagMask;
        return next();
    }

    /** The next candidate for the hash of the last {@link #first}, or {@link #NONE}. */
    public int next() {
        int[] c = cells;
        int pos = probe;
        int entry;
        while ((entry = c[pos]) != 0) {
            pos = (pos + 1) & mask;
            if ((entry & tagMask) == probeTag) {
                probe = pos;
                return (entry & slotMask) - 1;
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
        hashes[slot] = hash;
        place(cells, mask, hash, entry(hash, slot));
        size++;
        return slot;
    }

    /** Frees {@code slot}, indexed under {@code hash}, and takes it out of the index. */
    public void remove(int slot, int hash) {
        int own = entry(hash, slot);
        int pos = hash & mask;
        while (cells[pos] != own) {
            pos = (pos + 1) & mask;
        }
        // Backward shift: move later entries of the probe run into the hole, unless an entry's
        // home lies cyclically in (hole, next], for then it would sit in front of its home and
        // never be found.
        int hole = pos;
        int next = (hole + 1) & mask;
        int entry;
        while ((entry = cells[next]) != 0) {
            int home = hashes[(entry & slotMask) - 1] & mask;
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
        int[] bigger = new int[cells.length * 2];
        int biggerMask = bigger.length - 1;
        for (int e : cells) {
            if (e != 0) {
                place(bigger, biggerMask, hashes[(e & slotMask) - 1], e);
            }
        }
        cells = bigger;
        mask = biggerMask;
        hashes = Arrays.copyOf(hashes, slotsFor(bigger.length));
    }

    /**
     * The slots that can be in use with {@code cellCount} cells: at most half of them (an add
     * grows the index first), or all when the index is at its full size, which is at least twice
     * the capacity. Free slots are handed out before unused ones, so every slot handed out is below
     * the most ever in use at once.
     */
    private int slotsFor(int cellCount) {
        return Math.min(capacity, Math.max(1, cellCount / 2));
    }

    private static void place(int[] cells, int mask, int hash, int entry) {
        int pos = hash & mask;
        while (cells[pos] != 0) {
            pos = (pos + 1) & mask;
        }
        cells[pos] = entry;
    }

    private int entry(int hash, int slot) {
        return (hash & tagMask) | (slot + 1);
    }
}
