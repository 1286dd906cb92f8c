package gatewatch.features.window;

import gatewatch.features.kdd.KddFlag;

/**
 * What a connection's flag counts as in the error rates ({@code serror_rate} … and
 * {@code rerror_rate} …).
 *
 * <p>The sets are read from the training data, not guessed: in every record whose window holds
 * only the connection itself ({@code count} = 1, 39,214 rows of {@code kddcup.data_10_percent}),
 * {@code serror_rate} is 1 exactly for S0, S1, S2, S3 and SH, and {@code rerror_rate} is 1
 * exactly for REJ, RSTO, RSTR and RSTOS0; SF and OTH count as neither. The data has no RSTRH or
 * SHR; they follow their mirror images (RSTRH has a RST like RSTR, SHR is SH seen from the other
 * side). See docs/FEATURES.md.
 */
public enum ErrorClass {
    /** Neither error: SF, OTH. */
    NONE,
    /** "SYN error": a handshake or close that never completed without a RST. */
    SYN,
    /** "REJ error": the connection was refused or reset. */
    REJ;

    private static final ErrorClass[] BY_FLAG = new ErrorClass[KddFlag.values().length];

    static {
        for (KddFlag f : KddFlag.values()) {
            BY_FLAG[f.ordinal()] = classify(f);
        }
    }

    public static ErrorClass of(KddFlag flag) {
        return BY_FLAG[flag.ordinal()];
    }

    // A switch without default: a flag added to KddFlag must be classified here to compile.
    private static ErrorClass classify(KddFlag f) {
        return switch (f) {
            case S0, S1, S2, S3, SH, SHR -> SYN;
            case REJ, RSTO, RSTR, RSTOS0, RSTRH -> REJ;
            case SF, OTH -> NONE;
        };
    }
}
