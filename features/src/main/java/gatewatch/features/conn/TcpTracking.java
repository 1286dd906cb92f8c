package gatewatch.features.conn;

import gatewatch.features.decode.PacketView;

/**
 * What one TCP segment does to its connection: sequence space, history letters, counters and
 * the endpoint state machine, in the order Zeek's {@code TCPSessionAdapter::Process} applies them.
 */
final class TcpTracking {
    private TcpTracking() {
    }

    /** Applies one segment and returns the stream offset of its first payload byte. */
    static long packet(Connection c, boolean isOrig, PacketView v) {
        TcpEndpoint ep = isOrig ? c.orig : c.resp;
        TcpEndpoint peer = isOrig ? c.resp : c.orig;
        int flags = v.tcpFlags();
        boolean syn = (flags & PacketView.TCP_SYN) != 0;
        boolean fin = (flags & PacketView.TCP_FIN) != 0;
        boolean rst = (flags & PacketView.TCP_RST) != 0;
        boolean ack = (flags & PacketView.TCP_ACK) != 0;
        int seq = (int) v.seq();
        int len = v.payloadWireLength();

        if (!ep.seqKnown || (syn && restartsSequence(ep, seq))) {
            ep.initSeq(seq, syn);
        }
        long relSeq = ep.relative(seq);
        boolean retransmitted = ep.segment(seq, len, syn, fin, rst);
        history(c, ep, isOrig, flags, relSeq, len);
        if (retransmitted && ep.retransmits < Integer.MAX_VALUE) {
            logScaled(c, isOrig, 'T', ++ep.retransmits);
        }
        if (v.window() == 0 && !rst && peer.state != EndpointState.CLOSED && ep.state != EndpointState.RESET
                && ep.zeroWindows < Integer.MAX_VALUE) {
            logScaled(c, isOrig, 'W', ++ep.zeroWindows);
        }
        if (ack) {
            if (!peer.seqKnown) {
                peer.initSeqFromPeerAck((int) v.ack());
            } else if (!rst && peer.acknowledged((int) v.ack()) > 0 && peer.gaps < Integer.MAX_VALUE) {
                // Acknowledged data the capture never saw: a content gap in the peer's stream.
                logScaled(c, !isOrig, 'G', ++peer.gaps);
            }
        }
        if (fin) {
            ep.finSeen = true;
        }
        if (ep.packets < Integer.MAX_VALUE) {
            ep.packets++;
        }
        ep.ipBytes += v.ipLength();
        if ((flags & PacketView.TCP_URG) != 0 && ep.urgentPackets < Integer.MAX_VALUE) {
            ep.urgentPackets++;
        }
        if (!(c.orig.didClose && c.resp.didClose)) {
            c.lastNanos = v.tsNanos();
        }
        c.lastActivity = v.tsNanos();

        TcpStateMachine.update(ep, peer, c.orig, isOrig, flags, len);
        if (ep.state == EndpointState.CLOSED || ep.state == EndpointState.RESET) {
            ep.didClose = true;
        }
        return syn ? relSeq + 1 : relSeq;
    }

    /** A SYN at a new sequence number on a side that has sent no data starts its stream again. */
    private static boolean restartsSequence(TcpEndpoint ep, int seq) {
        return ep.relative(seq) != -1 && ep.payloadBytes() == 0
                && ep.state != EndpointState.CLOSED;
    }

    private static void history(Connection c, TcpEndpoint ep, boolean isOrig, int flags, long relSeq, int len) {
        boolean syn = (flags & PacketView.TCP_SYN) != 0;
        boolean fin = (flags & PacketView.TCP_FIN) != 0;
        boolean rst = (flags & PacketView.TCP_RST) != 0;
        int controlBits = (syn ? 1 : 0) + (fin ? 1 : 0) + (rst ? 1 : 0);
        if (controlBits > 1) {
            if (fin && rst) {
                if (!ep.histFinRst) {
                    ep.histFinRst = true;
                    c.history.add('I', isOrig);
                }
            } else if (!ep.histMultiFlag) {
                ep.histMultiFlag = true;
                c.history.add('Q', isOrig);
            }
        } else if (syn) {
            if (!ep.histSynSeen || (int) relSeq != ep.histLastSyn) {
                c.history.add((flags & PacketView.TCP_ACK) != 0 ? 'H' : 'S', isOrig);
            }
            ep.histSynSeen = true;
            ep.histLastSyn = (int) relSeq;
        } else if (fin) {
            if (!ep.histFinSeen || (int) (relSeq + len) != ep.histLastFin) {
                c.history.add('F', isOrig);
            }
            ep.histFinSeen = true;
            ep.histLastFin = (int) (relSeq + len);
        } else if (rst) {
            if (!ep.histRstSeen || (int) relSeq != ep.histLastRst) {
                c.history.add('R', isOrig);
            }
            ep.histRstSeen = true;
            ep.histLastRst = (int) relSeq;
        } else if (len > 0) {
            if (!ep.histData) {
                ep.histData = true;
                c.history.add('D', isOrig);
            }
        } else if ((flags & PacketView.TCP_ACK) != 0 && !ep.histAck) {
            ep.histAck = true;
            c.history.add('A', isOrig);
        }
    }

    /** Zeek records t, w and g at the 1st, 10th, 100th, ... occurrence. */
    private static void logScaled(Connection c, boolean isOrig, char letter, long count) {
        long t = 1;
        while (t < count) {
            t *= 10;
        }
        if (t == count) {
            c.history.add(letter, isOrig);
        }
    }
}
