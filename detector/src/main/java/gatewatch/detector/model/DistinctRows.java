package gatewatch.detector.model;

import gatewatch.detector.encode.DetectorRow;
import java.util.Arrays;

/**
 * The distinct rows of a chunk: a flood repeats the same connection record over and over, and a
 * verdict is a pure function of the row, so repeats within a chunk are scored once and share
 * the verdict. Rows count as the same only when all the row's values are bit for bit equal. An
 * open-addressing table of at least four slots per row, cleared per chunk.
 *
 * <p>Scratch of one {@link BatchScorer}: not thread-safe.
 */
final class DistinctRows {
    private static final int F = DetectorRow.WIDTH;

    private final int[] slots;
    private final int[] uniqueOf;

    /** A table for chunks of at most {@code rows} rows. */
    DistinctRows(int rows) {
        slots = new int[Integer.highestOneBit(Math.max(1, rows)) * 4];
        uniqueOf = new int[Math.max(1, rows)];
    }

    /**
     * Finds the distinct rows among {@code raw[0..m)} (row-major, {@link DetectorRow#WIDTH} values each), copies them in
     * order of first appearance to {@code unique}; returns their count. {@code hashes}, when not
     * null, holds each row's {@link RowKeys#hash} already.
     */
    int find(double[] raw, int m, long[] hashes, double[] unique) {
        Arrays.fill(slots, -1);
        int mask = slots.length - 1;
        int u = 0;
        for (int i = 0; i < m; i++) {
            int o = i * F;
            long h = hashes != null ? hashes[i] : RowKeys.hash(raw, o);
            int s = (int) (h ^ (h >>> 29)) & mask;
            while (true) {
                int j = slots[s];
                if (j < 0) {
                    slots[s] = u;
                    System.arraycopy(raw, o, unique, u * F, F);
                    uniqueOf[i] = u++;
                    break;
                }
                if (RowKeys.same(raw, o, unique, j * F)) {
                    uniqueOf[i] = j;
                    break;
                }
                s = (s + 1) & mask;
            }
        }
        return u;
    }

    /** The distinct row that row {@code i} of the last {@link #find} is. */
    int of(int i) {
        return uniqueOf[i];
    }
}
