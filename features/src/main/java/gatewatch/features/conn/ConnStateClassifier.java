package gatewatch.features.conn;

import static gatewatch.features.conn.EndpointState.CLOSED;
import static gatewatch.features.conn.EndpointState.ESTABLISHED;
import static gatewatch.features.conn.EndpointState.INACTIVE;
import static gatewatch.features.conn.EndpointState.PARTIAL;
import static gatewatch.features.conn.EndpointState.RESET;
import static gatewatch.features.conn.EndpointState.SYN_ACK_SENT;
import static gatewatch.features.conn.EndpointState.SYN_SENT;

import gatewatch.features.kdd.KddFlag;

/**
 * Zeek's {@code conn_state}: the connection flag as a pure function of the two endpoint states,
 * the payload sizes and the history (Zeek: {@code scripts/base/protocols/conn/main.zeek}). The
 * flag is derived when the record is made, never stored.
 */
public final class ConnStateClassifier {
    private ConnStateClassifier() {
    }

    static KddFlag of(Connection c) {
        if (c.ipProtocol == 6) {
            return tcp(c.orig.state, c.resp.state, c.orig.payloadBytes(), c.resp.payloadBytes(), c.history);
        }
        return udp(c.orig.packets > 0, c.resp.packets > 0);
    }

    /** The flag of a TCP connection. */
    static KddFlag tcp(EndpointState os, EndpointState rs, long origSize, long respSize, History history) {
        boolean origInactive = os == INACTIVE || os == PARTIAL;
        boolean respInactive = rs == INACTIVE || rs == PARTIAL;
        if (rs == RESET) {
            if (os == SYN_SENT || os == SYN_ACK_SENT || (os == RESET && origSize == 0 && respSize == 0)) {
                return KddFlag.REJ;
            }
            return origInactive ? KddFlag.RSTRH : KddFlag.RSTR;
        }
        if (os == RESET) {
            if (respInactive) {
                return history.synThenResetWithoutReply() ? KddFlag.RSTOS0 : KddFlag.OTH;
            }
            return KddFlag.RSTO;
        }
        if (rs == CLOSED && os == CLOSED) {
            return KddFlag.SF;
        }
        if (os == CLOSED) {
            return respInactive ? KddFlag.SH : KddFlag.S2;
        }
        if (rs == CLOSED) {
            return origInactive ? KddFlag.SHR : KddFlag.S3;
        }
        if (os == SYN_SENT && rs == INACTIVE) {
            return KddFlag.S0;
        }
        if (os == ESTABLISHED && rs == ESTABLISHED) {
            return KddFlag.S1;
        }
        return KddFlag.OTH;
    }

    /** Zeek's flag of a UDP flow: which sides sent anything. */
    static KddFlag udp(boolean origActive, boolean respActive) {
        if (origActive) {
            return respActive ? KddFlag.SF : KddFlag.S0;
        }
        return respActive ? KddFlag.SHR : KddFlag.OTH;
    }
}
