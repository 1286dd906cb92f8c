package gatewatch.detector.model;

import gatewatch.detector.encode.DetectorRow;

/**
 * Raw rows ({@link DetectorRow}) as keys: a hash and an equality, both bit for bit. A verdict is a
 * pure function of the row, so two rows equal this way share one verdict
 * ({@link DistinctRows}, {@link VerdictMemo}).
 */
final class RowKeys {
    private static final int F = DetectorRow.WIDTH;

    private RowKeys() {
    }

    /**
     * A hash of the row at {@code a[o..o+WIDTH)}, bit for bit. KDD values are mostly small
     * integers and simple fractions, whose information sits in the top bits of a double (sign,
     * exponent, leading mantissa bits); a multiplication only carries bits upwards, so each value
     * is folded down first and the sum is mixed at the end (MurmurHash3's fmix64), or the low bits
     * that pick a slot would be nearly the same for every row.
     */
    static long hash(double[] a, int o) {
        long h = 0;
        for (int f = 0; f < F; f++) {
            long bits = Double.doubleToRawLongBits(a[o + f]);
            h = (h ^ bits ^ (bits >>> 31)) * 0x9E3779B97F4A7C15L;
        }
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        return h ^ (h >>> 33);
    }

    /** Whether {@code a[ao..ao+WIDTH)} and {@code b[bo..bo+WIDTH)} hold the same doubles, bit for bit. */
    static boolean same(double[] a, int ao, double[] b, int bo) {
        for (int f = 0; f < F; f++) {
            if (Double.doubleToRawLongBits(a[ao + f]) != Double.doubleToRawLongBits(b[bo + f])) {
                return false;
            }
        }
        return true;
    }
}
