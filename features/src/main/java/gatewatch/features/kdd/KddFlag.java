package gatewatch.features.kdd;

/**
 * The connection states of Bro/Zeek's {@code conn_state}, which are KDD's {@code flag} values.
 *
 * <p>All 13 are produced; the KDD data holds 11 of them (RSTRH and SHR never appear there).
 */
public enum KddFlag implements KddSymbol {
    /** Normal establishment and termination. */
    SF(true),
    /** SYN seen, no reply. */
    S0(true),
    /** Connection attempt rejected. */
    REJ(true),
    /** Established, originator aborted (sent a RST). */
    RSTO(true),
    /** Established, responder aborted. */
    RSTR(true),
    /** Originator sent a SYN followed by a RST; no SYN-ACK from the responder. */
    RSTOS0(true),
    /** Responder sent a SYN-ACK followed by a RST; no SYN from the (purported) originator. */
    RSTRH(false),
    /** Originator sent a SYN followed by a FIN; no SYN-ACK from the responder. */
    SH(true),
    /** Responder sent a SYN-ACK followed by a FIN; no SYN from the originator. */
    SHR(false),
    /** Established, not terminated. */
    S1(true),
    /** Established, close attempt by the originator seen (no reply from the responder). */
    S2(true),
    /** Established, close attempt by the responder seen (no reply from the originator). */
    S3(true),
    /** No SYN seen, just midstream traffic. */
    OTH(true);

    private final boolean inKddData;

    KddFlag(boolean inKddData) {
        this.inKddData = inKddData;
    }

    @Override
    public String kddName() {
        return name();
    }

    /** Whether the value occurs in the KDD'99 data, so that a model trained there has seen it. */
    public boolean inKddData() {
        return inKddData;
    }

    public static KddFlag ofKddName(String name) {
        for (KddFlag f : values()) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        return null;
    }
}
