package gatewatch.detector.model;

import gatewatch.detector.encode.DetectorRow;

/**
 * Encoded rows transposed in groups of eight, each value followed a row width later by its
 * negation: {@code values[(r / 8) * 8 * 82 + f * 8 + r % 8] = x[r][f]} and
 * {@code values[... + (f + WIDTH) * 8 + ...] = -x[r][f]}. This is the layout of a walk with eight
 * lanes, one row each, in which every lane of a step reads its row's value at the same distance
 * from one base index; the negated columns let a split that tests {@code x > c} be walked as
 * {@code -x < -c}, one kind of test for all. Scratch for one thread; a trailing group that is not
 * full keeps whatever its unused lanes held, and walks compute them and ignore them.
 */
final class RowGroups {
    static final int LANES = 8;
    private static final int F = DetectorRow.WIDTH;
    /** Columns per row: the row's values, then their negations. */
    static final int COLUMNS = 2 * F;

    private final double[] values;
    private int count;

    RowGroups(int capacity) {
        values = new double[groupsOf(Math.max(1, capacity)) * LANES * COLUMNS];
    }

    /** Takes the first {@code rows} row-major rows of {@code x} ({@link DetectorRow#WIDTH} values each). */
    void fill(double[] x, int rows) {
        if (groupsOf(rows) * LANES * COLUMNS > values.length) {
            throw new IllegalArgumentException(rows + " rows exceed the capacity of " + values.length / COLUMNS);
        }
        for (int r = 0; r < rows; r++) {
            int g = groupOffset(r & -LANES) + (r & (LANES - 1));
            int o = r * F;
            for (int f = 0; f < F; f++) {
                double v = x[o + f];
                values[g + f * LANES] = v;
                values[g + (F + f) * LANES] = -v;
            }
        }
        count = rows;
    }

    double[] values() {
        return values;
    }

    int count() {
        return count;
    }

    int groups() {
        return groupsOf(count);
    }

    /** Where the group that starts at row {@code r} (a multiple of eight) begins. */
    static int groupOffset(int r) {
        return r * COLUMNS;
    }

    private static int groupsOf(int rows) {
        return (rows + LANES - 1) / LANES;
    }
}
