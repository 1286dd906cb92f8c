package gatewatch.detector.model;

import gatewatch.detector.encode.DetectorRow;
import gatewatch.features.table.SlotIndex;

/**
 * The distinct rows of a chunk: a flood repeats the same connection record over and over, and a
 * verdict is a pure function of the row, so repeats within a chunk are scored once and share
 * the verdict. Rows count as the same only when all the row's values are bit for bit equal. A
 * {@link SlotIndex} whose slots are the distinct rows in order of first appearance, cleared per chunk.
 *
 * <p>Scratch of one {@link BatchScorer}: not thread-safe.
 */
final class DistinctRows {
    private static final int F = DetectorRow.WIDTH;

    /** Slot {@code u}: the distinct row at {@code unique[u × WIDTH]}. */
    private final SlotIndex index;
    private final int[] uniqueOf;

    /** A table for chunks of at most {@code rows} rows. */
    DistinctRows(int rows) {
        index = new SlotIndex(Math.max(1, rows));
        uniqueOf = new int[Math.max(1, rows)];
    }

    /**
     * Finds the distinct rows among {@code raw[0..m)} (row-major, {@link DetectorRow#WIDTH} values each), copies them in
     * order of first appearance to {@code unique}; returns their count. {@code hashes}, when not
     * null, holds each row's {@link RowKeys#hash} already.
     */
    int find(double[] raw, int m, long[] hashes, double[] unique) {
        index.clear();
        for (int i = 0; i < m; i++) {
            uniqueOf[i] = distinct(raw, i * F, hashes != null ? hashes[i] : RowKeys.hash(raw, i * F), unique);
        }
        return index.size();
    }

    /** The distinct row that {@code raw[o..o+WIDTH)} is, copied to {@code unique} when new. */
    private int distinct(double[] raw, int o, long h, double[] unique) {
        int hash = (int) (h ^ (h >>> 29));
        for (int u = index.first(hash); u != SlotIndex.NONE; u = index.next()) {
            if (RowKeys.same(raw, o, unique, u * F)) {
                return u;
            }
        }
        int u = index.add(hash);
        System.arraycopy(raw, o, unique, u * F, F);
        return u;
    }

    /** The distinct row that row {@code i} of the last {@link #find} is. */
    int of(int i) {
        return uniqueOf[i];
    }
}
