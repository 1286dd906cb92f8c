package gatewatch.features.window;

import gatewatch.features.conn.ConnectionSummary;
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

    /**
     * The class a connection brings into the windows, its own row's and those of the connections
     * after it: its flag's, except that a connection still open at the end of the input
     * ({@link ConnectionSummary#openAtEnd()}) whose handshake had completed is no SYN error. Its S1,
     * S2 or S3 says only that the close had not been seen yet when the capture or the sensor
     * stopped. An unanswered attempt (S0, SH, or a SYN-ACK the originator never acknowledged) stays
     * a SYN error: what makes it one, the missing answer, was already there, so a SYN flood that a
     * short capture cuts off stays a flood. A RST or both FINs end a connection, so a REJ error is
     * never open at the end.
     */
    public static ErrorClass of(ConnectionSummary c) {
        ErrorClass e = of(c.kddFlag());
        if (e == SYN && c.openAtEnd() && originatorAcknowledged(c.history())) {
            return NONE;
        }
        return e;
    }

    /** The originator sent an ACK or data (history {@code A} or {@code D}): the handshake completed. */
    private static boolean originatorAcknowledged(String history) {
        return history.indexOf('A') >= 0 || history.indexOf('D') >= 0;
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
