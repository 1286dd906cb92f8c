package gatewatch.detector.model;

import gatewatch.features.kdd.KddFeature;
import gatewatch.features.kdd.ProtocolType;
import gatewatch.features.kdd.Service;

/**
 * The services each attack label was seen on in training, so that an alert names a label its
 * connection's service can carry: the label forest's most probable label within the verdict's
 * category is a vote among look-alikes, and a password-guessing run on FTP whose connections
 * resemble the lab's SSH guessing would otherwise be reported as {@code ssh_guess}. The
 * category, the confidence and the decision to alert do not depend on it.
 *
 * <p>A service is taken with its protocol: {@code other} and {@code private} name both TCP and
 * UDP ports, and a UDP amplification is no SYN flood. Stored as a bit set per label over
 * (protocol, service) codes, {@link #WORDS} longs a label, flattened label-major.
 */
public final class LabelServices {
    private static final int PROTOCOLS = ProtocolType.values().length;
    private static final int SERVICES = Service.values().length;
    private static final int CODES = PROTOCOLS * SERVICES;
    /** Longs per label: a bit for every (protocol, service) code. */
    public static final int WORDS = (CODES + 63) / 64;

    private static final int PROTOCOL = KddFeature.PROTOCOL_TYPE.ordinal();
    private static final int SERVICE = KddFeature.SERVICE.ordinal();

    private LabelServices() {
    }

    /**
     * The bit sets of {@code labels} labels over {@code raw} rows (raw KDD values, one per
     * connection) whose label indexes are {@code label}.
     */
    public static long[] of(double[][] raw, int[] label, int labels) {
        long[] seen = new long[labels * WORDS];
        for (int r = 0; r < raw.length; r++) {
            int s = code(raw[r], 0);
            if (s >= 0) {
                seen[label[r] * WORDS + (s >>> 6)] |= 1L << (s & 63);
            }
        }
        return seen;
    }

    /**
     * Whether label {@code l} was seen on (protocol, service) {@code code} ({@link #code}; any label
     * on a code of -1). {@code other} and {@code private} count as one: both are ports no service
     * is known on, and which of the two a port falls in is KDD's convention (docs/FEATURES.md), not
     * something an attack chooses; a teardrop seen on private ports is still a teardrop on another.
     */
    static boolean seen(long[] seen, int l, int code) {
        return code < 0 || bit(seen, l, code) || bit(seen, l, unknownPortSibling(code));
    }

    private static boolean bit(long[] seen, int l, int code) {
        return code >= 0 && (seen[l * WORDS + (code >>> 6)] & 1L << (code & 63)) != 0;
    }

    /** The code of the same protocol's other unknown-port service ({@code other} for {@code private} and back), or -1. */
    private static int unknownPortSibling(int code) {
        int s = code % SERVICES;
        int p = code - s;
        if (s == Service.OTHER.ordinal()) {
            return p + Service.PRIVATE.ordinal();
        }
        return s == Service.PRIVATE.ordinal() ? p + Service.OTHER.ordinal() : -1;
    }

    /** The (protocol, service) code of the connection at {@code raw[off..]}, or -1 for symbols out of range. */
    static int code(double[] raw, int off) {
        int p = (int) raw[off + PROTOCOL];
        int s = (int) raw[off + SERVICE];
        return p >= 0 && p < PROTOCOLS && s >= 0 && s < SERVICES ? p * SERVICES + s : -1;
    }
}
