package gatewatch.features.extended;

import gatewatch.features.kdd.KddFlag;
import gatewatch.features.kdd.KddFormatException;

/**
 * The extended features as CSV columns ({@code features --extended}, the lab corpus's
 * {@code KEY.extended.gz}): counts as integers, mean payloads as Java writes a double (so that a
 * value read back is the value written, bit for bit), conn_state by its Zeek name.
 */
public final class ExtendedCsv {
    private static final int CONN_STATE = ExtendedFeature.CONN_STATE.ordinal();

    private ExtendedCsv() {
    }

    /** The column names, comma-separated. */
    public static String header() {
        StringBuilder sb = new StringBuilder();
        for (ExtendedFeature e : ExtendedFeature.values()) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(e.columnName());
        }
        return sb.toString();
    }

    /** Appends {@code v[offset .. offset + COUNT)} as comma-separated columns. */
    public static void append(double[] v, int offset, StringBuilder sb) {
        for (int i = 0; i < ExtendedFeature.COUNT; i++) {
            if (i > 0) {
                sb.append(',');
            }
            double x = v[offset + i];
            if (i == CONN_STATE) {
                sb.append(KddFlag.values()[(int) x].kddName());
            } else if (x == Math.rint(x) && Math.abs(x) < 1e15) {
                sb.append((long) x);
            } else {
                sb.append(x);
            }
        }
    }

    /** The values of one line written by {@link #append}. */
    public static double[] parse(String line) {
        String[] f = line.split(",", -1);
        if (f.length != ExtendedFeature.COUNT) {
            throw new KddFormatException("expected " + ExtendedFeature.COUNT + " extended columns, got " + f.length);
        }
        double[] v = new double[ExtendedFeature.COUNT];
        for (int i = 0; i < f.length; i++) {
            v[i] = i == CONN_STATE ? state(f[i]) : number(i, f[i]);
        }
        return v;
    }

    private static double state(String s) {
        KddFlag flag = KddFlag.ofKddName(s);
        if (flag == null) {
            throw new KddFormatException("conn_state: not a connection state: '" + s + "'");
        }
        return flag.ordinal();
    }

    private static double number(int column, String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new KddFormatException(ExtendedFeature.values()[column].columnName() + ": not a number: '" + s + "'");
        }
    }
}
