package gatewatch.detector.model;

import gatewatch.features.kdd.KddFeature;
import gatewatch.features.kdd.KddFlag;
import java.io.Serializable;
import java.util.Arrays;

/**
 * What a site baseline may never clear: volume and error evidence. A site baseline answers "does
 * the site always do this?", which says nothing about a flood, a scan, a sweep or a run of failed
 * logins that happens to look like the site's connections one at a time (a SYN flood to the
 * site's web server is, connection by connection, a connection to the site's web server). So the
 * baseline may only clear a verdict when
 * <ul>
 *   <li>the connection carries no failed login ({@code num_failed_logins} is 0);</li>
 *   <li>it is not a failed connection attempt (S0, REJ, RSTOS0, RSTRH, SH, SHR) among others: a
 *   failed attempt whose windows (the four error rates of the 2-second window, the four of the
 *   100-connection window) reach {@link #ERROR_RATE_LIMIT} is one of a flood or a scan, whatever
 *   the site did. An established connection's error rates are held to its scope's bounds instead
 *   (next rule): connections still open when a capture ends count as errors in today's windows,
 *   and made half of the alerts on the shared normal captures' own browsing;</li>
 *   <li>every one of the 19 window features is at or below its upper quantile among the site's own
 *   connections of the same scope: the same protocol and service (a count of 30 is ordinary for
 *   the site's DNS and a flood for its SSH).</li>
 * </ul>
 *
 * <p>Scopes are kept in a sorted key array, each with its 19 upper bounds; a scope the site never
 * showed is never cleared.
 *
 * @param keys   sorted scope keys, {@link #key}
 * @param upper  per scope, the upper quantile of each of the 19 window features (raw values)
 * @param counts per scope, the connections it was learned from
 */
public record SiteScopes(int[] keys, double[][] upper, long[] counts) implements Serializable {
    /** An error rate at or above this in any window is error evidence; never cleared. */
    public static final double ERROR_RATE_LIMIT = AttackEvidence.ERROR_RATE_LIMIT;

    /** The first window feature; the 19 of them run from here to the end of the 41. */
    static final int FIRST_WINDOW = KddFeature.COUNT.ordinal();
    static final int WINDOW_FEATURES = KddFeature.COUNT_OF_FEATURES - FIRST_WINDOW;
    private static final int[] ERROR_RATES = AttackEvidence.ERROR_RATES;
    private static final int PROTOCOL = KddFeature.PROTOCOL_TYPE.ordinal();
    private static final int SERVICE = KddFeature.SERVICE.ordinal();
    private static final int FAILED_LOGINS = KddFeature.NUM_FAILED_LOGINS.ordinal();
    private static final int FLAG = KddFeature.FLAG.ordinal();

    public SiteScopes {
        if (keys.length != upper.length || keys.length != counts.length || keys.length == 0) {
            throw new IllegalArgumentException("site scopes: keys, bounds and counts differ in number or are empty");
        }
        for (int i = 0; i < keys.length; i++) {
            if (upper[i].length != WINDOW_FEATURES || i > 0 && keys[i] <= keys[i - 1]) {
                throw new IllegalArgumentException("site scopes: bounds of scope " + i + " malformed or keys unsorted");
            }
        }
    }

    /** The scope of a connection given as raw KDD values: its protocol and service. */
    public static int key(double[] raw, int off) {
        return (int) raw[off + PROTOCOL] << 16 | (int) raw[off + SERVICE];
    }

    /**
     * Why the site baseline must not clear the connection at {@code raw[off..off+41)}, or null
     * when its volume and error evidence is within what the site showed for its scope.
     */
    public String evidence(double[] raw, int off) {
        if (raw[off + FAILED_LOGINS] > 0) {
            return "num_failed_logins";
        }
        if (failedAttempt(KddFlag.values()[(int) raw[off + FLAG]])) {
            for (int f : ERROR_RATES) {
                if (raw[off + f] >= ERROR_RATE_LIMIT) {
                    return KddFeature.values()[f].kddName();
                }
            }
        }
        int s = Arrays.binarySearch(keys, key(raw, off));
        if (s < 0) {
            return "service";
        }
        double[] u = upper[s];
        for (int j = 0; j < WINDOW_FEATURES; j++) {
            if (raw[off + FIRST_WINDOW + j] > u[j]) {
                return KddFeature.values()[FIRST_WINDOW + j].kddName();
            }
        }
        return null;
    }

    /** A connection attempt that was never established: no answer, refused, or answered with a reset. */
    public static boolean failedAttempt(KddFlag flag) {
        return switch (flag) {
            case S0, REJ, RSTOS0, RSTRH, SH, SHR -> true;
            default -> false;
        };
    }

    /** Scopes learned from raw rows: per scope, the {@code quantile} of each window feature. */
    public static SiteScopes learn(double[][] raw, double quantile) {
        int[] rowKeys = Arrays.stream(raw).mapToInt(r -> key(r, 0)).toArray();
        int[] keys = Arrays.stream(rowKeys).distinct().sorted().toArray();
        double[][] upper = new double[keys.length][];
        long[] counts = new long[keys.length];
        for (int s = 0; s < keys.length; s++) {
            int k = keys[s];
            double[][] rows = java.util.stream.IntStream.range(0, raw.length).filter(i -> rowKeys[i] == k)
                    .mapToObj(i -> raw[i]).toArray(double[][]::new);
            counts[s] = rows.length;
            upper[s] = new double[WINDOW_FEATURES];
            for (int j = 0; j < WINDOW_FEATURES; j++) {
                int col = FIRST_WINDOW + j;
                double[] v = Arrays.stream(rows).mapToDouble(r -> r[col]).sorted().toArray();
                upper[s][j] = v[Math.min(v.length - 1, (int) Math.ceil(quantile * v.length) - 1)];
            }
        }
        return new SiteScopes(keys, upper, counts);
    }
}
