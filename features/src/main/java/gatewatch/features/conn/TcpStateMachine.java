package gatewatch.features.conn;

import static gatewatch.features.conn.EndpointState.CLOSED;
import static gatewatch.features.conn.EndpointState.ESTABLISHED;
import static gatewatch.features.conn.EndpointState.INACTIVE;
import static gatewatch.features.conn.EndpointState.PARTIAL;
import static gatewatch.features.conn.EndpointState.RESET;
import static gatewatch.features.conn.EndpointState.SYN_ACK_SENT;
import static gatewatch.features.conn.EndpointState.SYN_SENT;

import gatewatch.features.decode.PacketView;

/**
 * Per-endpoint TCP state transitions, one method per state of the sending endpoint, following
 * Zeek's {@code TCPSessionAdapter::Update*State}. Stateless: everything lives in the endpoints.
 */
final class TcpStateMachine {
    private TcpStateMachine() {
    }

    /**
     * Applies one segment sent by {@code ep} to both endpoint states.
     *
     * @param isOrig whether {@code ep} is the originator
     */
    static void update(TcpEndpoint ep, TcpEndpoint peer, TcpEndpoint orig, boolean isOrig, int flags, int len) {
        switch (ep.state) {
            case INACTIVE -> inactive(ep, peer, orig, isOrig, flags, len);
            case SYN_SENT, SYN_ACK_SENT -> synSent(ep, flags);
            case ESTABLISHED, PARTIAL -> established(ep, peer, flags);
            case CLOSED -> closed(ep, peer, flags);
            case RESET -> {
                // Nothing moves a reset endpoint; later segments only add history.
            }
        }
    }

    private static void inactive(TcpEndpoint ep, TcpEndpoint peer, TcpEndpoint orig, boolean isOrig, int flags, int len) {
        boolean syn = (flags & PacketView.TCP_SYN) != 0;
        boolean ack = (flags & PacketView.TCP_ACK) != 0;
        if (syn) {
            if (isOrig) {
                ep.setState(ack ? SYN_ACK_SENT : SYN_SENT);
            } else {
                // The responder's SYN-ACK completes the originator's half of the handshake.
                if (peer.state == SYN_SENT) {
                    peer.setState(ESTABLISHED);
                }
                ep.setState(ESTABLISHED);
            }
        }
        if ((flags & PacketView.TCP_FIN) != 0) {
            ep.setState(CLOSED);
        }
        if ((flags & PacketView.TCP_RST) != 0) {
            ep.setState(RESET);
        }
        if (ep.state == INACTIVE) {
            if (!isOrig && len == 0 && orig.state == SYN_SENT) {
                // Some stacks ACK a SYN before sending their SYN-ACK: not a partial connection yet.
                return;
            }
            if (ack && peer.state == ESTABLISHED) {
                // A SYN-ACK from the peer and now a pure ACK: only the first SYN was missed.
                ep.setState(ESTABLISHED);
            } else {
                ep.setState(PARTIAL);
            }
        }
    }

    private static void synSent(TcpEndpoint ep, int flags) {
        if ((flags & PacketView.TCP_FIN) != 0) {
            ep.setState(CLOSED);
        }
        if ((flags & PacketView.TCP_RST) != 0) {
            ep.setState(RESET);
        }
    }

    private static void established(TcpEndpoint ep, TcpEndpoint peer, int flags) {
        boolean syn = (flags & PacketView.TCP_SYN) != 0;
        boolean rst = (flags & PacketView.TCP_RST) != 0;
        if (syn && ep.state == PARTIAL && peer.state == INACTIVE && (flags & PacketView.TCP_ACK) == 0) {
            ep.setState(SYN_SENT);
        }
        if ((flags & PacketView.TCP_FIN) != 0 && !rst) {
            ep.setState(CLOSED);
            if (peer.state == RESET && peer.prevState == CLOSED) {
                // The peer sent FIN then RST: that was a normal close after all.
                peer.setState(CLOSED);
            }
        }
        if (rst) {
            ep.setState(RESET);
        }
    }

    private static void closed(TcpEndpoint ep, TcpEndpoint peer, int flags) {
        // After a FIN exchange a RST changes nothing; after a one-sided FIN it is an abort.
        if ((flags & PacketView.TCP_RST) != 0 && peer.state != CLOSED) {
            ep.setState(RESET);
        }
    }
}
