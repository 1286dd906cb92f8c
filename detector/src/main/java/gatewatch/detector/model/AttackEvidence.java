package gatewatch.detector.model;

import gatewatch.features.kdd.KddFeature;
import gatewatch.features.kdd.Service;
import gatewatch.features.kdd.ServiceTable;

/**
 * Evidence of an attack in a connection's own features, which no confidence floor may overrule:
 * a failed login, a fragment KDD counts as wrong, a land packet (source = destination), an HTTP
 * request that matched an attack signature ({@code hot} on an http service: an injection, a
 * traversal, a 1998 CGI exploit; docs/FEATURES.md), or a window in which at least half of at
 * least {@value #MIN_WINDOW} connections failed (any of the four SYN-error or reject-error rates
 * of the 2-second and the 100-connection window, each over the connections it is a rate of). A
 * flood, a scan, a sweep, a guessing run or a web attack shows at least one of these; today's
 * normal traffic that KDD'99 never saw (TLS on 443, QUIC, a burst of page loads) shows none, and
 * is what the alert floor is for. One unanswered SYN to a dead host is a window of one failed
 * connection, a rate of 1.0 that says nothing: apps and browsers leave such connections all the
 * time, so a rate over fewer connections is no evidence.
 */
public final class AttackEvidence {
    /** An error rate at or above this in any window is error evidence. */
    public static final double ERROR_RATE_LIMIT = 0.5;
    /** The fewest connections a window's error rate must be over to be evidence. */
    public static final int MIN_WINDOW = 5;

    static final int[] ERROR_RATES = {KddFeature.SERROR_RATE.ordinal(), KddFeature.SRV_SERROR_RATE.ordinal(),
        KddFeature.RERROR_RATE.ordinal(), KddFeature.SRV_RERROR_RATE.ordinal(), KddFeature.DST_HOST_SERROR_RATE.ordinal(),
        KddFeature.DST_HOST_SRV_SERROR_RATE.ordinal(), KddFeature.DST_HOST_RERROR_RATE.ordinal(),
        KddFeature.DST_HOST_SRV_RERROR_RATE.ordinal()};
    /** The connections each of {@link #ERROR_RATES} is a rate of. */
    static final int[] ERROR_WINDOWS = {KddFeature.COUNT.ordinal(), KddFeature.SRV_COUNT.ordinal(),
        KddFeature.COUNT.ordinal(), KddFeature.SRV_COUNT.ordinal(), KddFeature.DST_HOST_COUNT.ordinal(),
        KddFeature.DST_HOST_SRV_COUNT.ordinal(), KddFeature.DST_HOST_COUNT.ordinal(),
        KddFeature.DST_HOST_SRV_COUNT.ordinal()};
    private static final int FAILED_LOGINS = KddFeature.NUM_FAILED_LOGINS.ordinal();
    private static final int WRONG_FRAGMENT = KddFeature.WRONG_FRAGMENT.ordinal();
    private static final int LAND = KddFeature.LAND.ordinal();
    private static final int HOT = KddFeature.HOT.ordinal();
    private static final int SERVICE = KddFeature.SERVICE.ordinal();
    /** Service codes are ordinals; one copy of {@code values()}, which copies its array on every call. */
    private static final Service[] SERVICES = Service.values();

    private AttackEvidence() {
    }

    /** Whether the connection at {@code raw[off..off+41)} (raw KDD values) carries attack evidence. */
    public static boolean present(double[] raw, int off) {
        if (namedCategory(raw, off) != null) {
            return true;
        }
        for (int i = 0; i < ERROR_RATES.length; i++) {
            if (raw[off + ERROR_RATES[i]] >= ERROR_RATE_LIMIT && raw[off + ERROR_WINDOWS[i]] >= MIN_WINDOW) {
                return true;
            }
        }
        return false;
    }

    /**
     * The category the connection's own evidence names, or null: a wrong fragment or a land packet
     * is a DoS (KDD's teardrop, pod and land, and nothing else, carry them), a failed login or an
     * HTTP request matching an attack signature is an R2L (guess_passwd, phf, today's guessing and
     * injections). Failed windows name none: floods and scans both fail.
     */
    public static Category namedCategory(double[] raw, int off) {
        if (raw[off + WRONG_FRAGMENT] > 0 || raw[off + LAND] > 0) {
            return Category.DOS;
        }
        if (raw[off + FAILED_LOGINS] > 0 || raw[off + HOT] > 0 && isHttp(raw[off + SERVICE])) {
            return Category.R2L;
        }
        return null;
    }

    private static boolean isHttp(double serviceCode) {
        int s = (int) serviceCode;
        return s >= 0 && s < SERVICES.length && ServiceTable.isHttp(SERVICES[s]);
    }
}
