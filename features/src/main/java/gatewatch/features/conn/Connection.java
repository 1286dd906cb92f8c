package gatewatch.features.conn;

import gatewatch.features.kdd.KddFlag;
import gatewatch.features.kdd.ProtocolType;
import gatewatch.features.kdd.Service;

/**
 * A connection in the flow table: its key, its two endpoints, its history and its counters.
 *
 * <p>Instances live in table slots and are reused after a connection is reported: a
 * {@link ConnectionListener} may read one only during its callback. Written by the capture
 * thread only.
 */
public final class Connection {
    // Canonical key: endpoint A is the lower (address, port), so both directions find the slot.
    long aHi;
    long aLo;
    long bHi;
    long bLo;
    int aPort;
    int bPort;
    int ipProtocol;
    int hash;
    /** True when endpoint A is the originator. */
    boolean origIsA;

    ProtocolType protocol;
    Service service;
    long startNanos;
    /** End of the duration: the last packet before both sides had closed. */
    long lastNanos;
    /** Time of the last packet of any kind, for the timeouts. */
    long lastActivity;
    TcpEndpoint orig = new TcpEndpoint();
    TcpEndpoint resp = new TcpEndpoint();
    final History history = new History();
    /** UDP payload bytes (TCP takes them from the sequence space). */
    long origDatagramBytes;
    long respDatagramBytes;
    int wrongFragments;
    /** An ICMP message's type and code (for the Community ID); 0 for TCP and UDP. */
    int icmpType;
    int icmpCode;
    TimeoutClass timeoutClass;
    /** Position in the flow table, for the expiry lists. */
    final int slot;
    /**
     * One word the {@link PayloadObserver} keeps with the connection (the content inspector's
     * session, or the dialogue it will start): here, on the object the tracker has just loaded,
     * rather than in a table of the observer's indexed by slot, which a flood's connections would
     * each miss in cache once more when opened and once more when they finish. Not cleared when
     * the slot is reused: {@link PayloadObserver#opened} sees what the slot's last connection left
     * and can release it.
     */
    private int observerState;

    Connection(int slot) {
        this.slot = slot;
    }

    void reset() {
        orig.reset();
        resp.reset();
        history.reset();
        origDatagramBytes = 0;
        respDatagramBytes = 0;
        wrongFragments = 0;
        icmpType = 0;
        icmpCode = 0;
        service = null;
        protocol = null;
        timeoutClass = null;
    }

    /** Swaps the roles: the responder was the one that opened the connection. */
    void flipRoles() {
        origIsA = !origIsA;
        swapEndpoints();
        long d = origDatagramBytes;
        origDatagramBytes = respDatagramBytes;
        respDatagramBytes = d;
        history.flip();
    }

    private void swapEndpoints() {
        TcpEndpoint tmp = orig;
        orig = resp;
        resp = tmp;
    }

    /**
     * Whether the connection has ended by itself: a TCP connection reset by either side or closed
     * by both (what Zeek's reuse rule and the close linger treat as over); an ICMP message at once.
     * A UDP flow never does: only its idle timeout ends it.
     */
    boolean ended() {
        if (ipProtocol == 6) {
            EndpointState o = orig.state;
            EndpointState r = resp.state;
            return o == EndpointState.RESET || r == EndpointState.RESET
                    || (o == EndpointState.CLOSED && r == EndpointState.CLOSED);
        }
        return protocol == ProtocolType.ICMP;
    }

    /** The {@link PayloadObserver}'s word for this connection (see the field). */
    public int observerState() { return observerState; }

    /** Sets the {@link PayloadObserver}'s word; the observer's alone to write. */
    public void observerState(int state) { observerState = state; }

    /** The table slot, stable for the connection's lifetime (an ICMP record has -1). */
    public int slot() { return slot; }

    public long origHi() { return origIsA ? aHi : bHi; }
    public long origLo() { return origIsA ? aLo : bLo; }
    public int origPort() { return origIsA ? aPort : bPort; }
    public long respHi() { return origIsA ? bHi : aHi; }
    public long respLo() { return origIsA ? bLo : aLo; }
    public int respPort() { return origIsA ? bPort : aPort; }
    /** The IP protocol number (6, 17, 1 or 58). */
    public int ipProtocol() { return ipProtocol; }
    public ProtocolType protocol() { return protocol; }
    /** ICMP or ICMPv6 type of an ICMP record, else 0. */
    public int icmpType() { return icmpType; }
    /** ICMP or ICMPv6 code of an ICMP record, else 0. */
    public int icmpCode() { return icmpCode; }
    public Service service() { return service; }
    public long startNanos() { return startNanos; }
    /** Time of the last packet that counts towards the duration (trailing packets after both FINs do not). */
    public long endNanos() { return lastNanos; }
    public TcpEndpoint originator() { return orig; }
    public TcpEndpoint responder() { return resp; }
    public String history() { return history.toString(); }

    /** The history string, from {@code cache} when this history was seen before. */
    public String history(HistoryStrings cache) { return cache.of(history); }

    /** KDD {@code src_bytes}: payload bytes from the originator, retransmissions counted once. */
    public long origBytes() {
        return ipProtocol == 6 ? orig.payloadBytes() : origDatagramBytes;
    }

    /** KDD {@code dst_bytes}: payload bytes from the responder. */
    public long respBytes() {
        return ipProtocol == 6 ? resp.payloadBytes() : respDatagramBytes;
    }

    public long origPackets() { return orig.packets; }
    public long respPackets() { return resp.packets; }

    /** KDD {@code land}: same address and port on both sides. */
    public boolean land() {
        return aHi == bHi && aLo == bLo && aPort == bPort;
    }

    /** KDD {@code wrong_fragment}: bad fragments among this connection's datagrams. */
    public int wrongFragments() { return wrongFragments; }

    /** KDD {@code urgent}: packets with the URG flag, both directions. */
    public long urgentPackets() { return orig.urgentPackets + resp.urgentPackets; }

    /** The Zeek {@code conn_state} of this connection (all 13 values for TCP). */
    public KddFlag zeekState() {
        return ConnStateClassifier.of(this);
    }

    /**
     * KDD {@code flag}: Zeek's state for TCP, with the two states Bro did not have in 1998 folded
     * into the ones it gave those connections then (RSTRH, a responder's SYN-ACK then RST with no
     * SYN seen, is RSTR: the responder aborted; SHR, a responder's SYN-ACK then FIN with no SYN,
     * is OTH: no SYN from the originator), so that the feature keeps the 11 values of the KDD data.
     * For UDP and ICMP always {@code SF}, as every UDP and ICMP record of the KDD data has it,
     * answered or not. The full Zeek state stays in {@link #zeekState()}.
     */
    public KddFlag kddFlag() {
        return kddFlag(zeekState());
    }

    /** {@link #kddFlag()} given this connection's {@link #zeekState()}, so that it is classified once. */
    KddFlag kddFlag(KddFlag z) {
        if (ipProtocol != 6) {
            return KddFlag.SF;
        }
        return switch (z) {
            case RSTRH -> KddFlag.RSTR;
            case SHR -> KddFlag.OTH;
            default -> z;
        };
    }
}
