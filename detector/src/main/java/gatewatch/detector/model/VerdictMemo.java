package gatewatch.detector.model;

import gatewatch.detector.encode.DetectorRow;

/**
 * The verdicts of recently scored rows, direct-mapped by {@link RowKeys#hash}. Floods and scans
 * produce the same row over and over once their windows saturate (counts at their caps,
 * rates at 0 or 1), and a verdict is a pure function of those values, so a row found here, all its
 * values bit for bit equal, gets the remembered verdict without running the models. A new row
 * takes its slot from whatever row was there: a cache with one place per hash, so it needs none of
 * a {@link gatewatch.features.table.SlotIndex}'s probing, removal or eviction by age.
 *
 * <p>Scratch of one {@link BatchScorer}: not thread-safe.
 */
final class VerdictMemo {
    private static final int F = DetectorRow.WIDTH;

    private final long[] keys;
    private final long[] hashes;
    private final Verdict[] verdicts;
    private final int mask;
    private long hits;

    /** A memo of {@code rows} rows, a power of two; 0 for none (nothing is remembered). */
    VerdictMemo(int rows) {
        if (rows < 0 || (rows & (rows - 1)) != 0) {
            throw new IllegalArgumentException("memo rows must be 0 or a power of two, got " + rows);
        }
        keys = new long[rows * F];
        hashes = new long[rows];
        verdicts = new Verdict[rows];
        mask = rows - 1;
    }

    /** Whether this memo remembers anything (it has rows). */
    boolean enabled() {
        return verdicts.length > 0;
    }

    /** The remembered verdict of the row {@code row[o..o+WIDTH)} whose {@link RowKeys#hash} is {@code h}, or null. */
    Verdict recall(double[] row, int o, long h) {
        if (!enabled()) {
            return null;
        }
        int slot = slot(h);
        Verdict v = verdicts[slot];
        if (v == null || hashes[slot] != h) {
            return null;
        }
        int k = slot * F;
        for (int f = 0; f < F; f++) {
            if (keys[k + f] != Double.doubleToRawLongBits(row[o + f])) {
                return null;
            }
        }
        hits++;
        return v;
    }

    /** Remembers {@code v} as the verdict of the row {@code row[o..o+WIDTH)} whose hash is {@code h}. */
    void remember(double[] row, int o, long h, Verdict v) {
        if (!enabled()) {
            return;
        }
        int slot = slot(h);
        int k = slot * F;
        for (int f = 0; f < F; f++) {
            keys[k + f] = Double.doubleToRawLongBits(row[o + f]);
        }
        hashes[slot] = h;
        verdicts[slot] = v;
    }

    /** Rows answered from the memo so far. */
    long hits() {
        return hits;
    }

    private int slot(long h) {
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
