package gatewatch.features.conn;

/**
 * One side of a TCP connection: its state, its sequence space and its counters.
 *
 * <p>Sequence numbers are kept relative to the first data byte ({@code 0} = the byte after the
 * SYN), unwrapped into 64 bits, so that {@link #payloadBytes()} counts every byte of the stream
 * once however often it was retransmitted, and counts bytes the capture missed but the peer
 * acknowledged (as Zeek's {@code orig_bytes}/{@code resp_bytes} do).
 */
public final class TcpEndpoint {
    /** Sequence jumps beyond this on a SYN or RST are not trusted (a spoofed or stale segment). */
    private static final int TOO_LARGE_SEQ_DELTA = 1 << 20;

    EndpointState state = EndpointState.INACTIVE;
    EndpointState prevState = EndpointState.INACTIVE;
    boolean seqKnown;
    /** Raw sequence number that {@link #lastRel} corresponds to. */
    private int lastRaw;
    /** Highest relative sequence number reached by this side's segments (one past their end). */
    private long lastRel;
    /** Highest relative sequence number the peer acknowledged. */
    private long ackRel;
    /** Acknowledged bytes that were never seen, and how far that has been checked. */
    long missedBytes;
    private long gapCheckedRel;
    boolean finSeen;
    boolean didClose;
    int packets;
    long ipBytes;
    int urgentPackets;

    // History bookkeeping, as Zeek records it: a, d, i, q once; s, h, f, r when the sequence number changes;
    // t, w, g on a logarithmic scale. Counts and sequence marks are ints: a million of these must fit
    // in a flood, and a connection with more than 2^31 packets saturates its count (see packet()).
    boolean histAck;
    boolean histData;
    boolean histFinRst;
    boolean histMultiFlag;
    boolean histSynSeen;
    int histLastSyn;
    boolean histFinSeen;
    int histLastFin;
    boolean histRstSeen;
    int histLastRst;
    int retransmits;
    int zeroWindows;
    int gaps;

    void reset() {
        state = EndpointState.INACTIVE;
        prevState = EndpointState.INACTIVE;
        seqKnown = false;
        lastRaw = 0;
        lastRel = 0;
        ackRel = 0;
        missedBytes = 0;
        gapCheckedRel = 0;
        finSeen = false;
        didClose = false;
        packets = 0;
        ipBytes = 0;
        urgentPackets = 0;
        histAck = false;
        histData = false;
        histFinRst = false;
        histMultiFlag = false;
        histSynSeen = false;
        histLastSyn = 0;
        histFinSeen = false;
        histLastFin = 0;
        histRstSeen = false;
        histLastRst = 0;
        retransmits = 0;
        zeroWindows = 0;
        gaps = 0;
    }

    void setState(EndpointState next) {
        prevState = state;
        state = next;
    }

    /**
     * Starts the sequence space at a segment from this side: after the SYN when it carries one,
     * else at the segment itself (midstream).
     */
    void initSeq(int seq, boolean syn) {
        lastRaw = syn ? seq + 1 : seq;
        lastRel = 0;
        ackRel = 0;
        gapCheckedRel = 0;
        seqKnown = true;
    }

    /** Starts the sequence space where the peer's first acknowledgement says it is. */
    void initSeqFromPeerAck(int ack) {
        lastRaw = ack;
        lastRel = 0;
        ackRel = 0;
        gapCheckedRel = 0;
        seqKnown = true;
    }

    /** The 64-bit relative position of a raw sequence number near the current one. */
    long relative(int raw) {
        return lastRel + (raw - lastRaw);
    }

    /**
     * Accounts a segment of this side and returns true when its payload was seen before.
     *
     * @param seq raw sequence number of the segment
     * @param len payload length (ignored for RST, whose data is not part of the stream)
     */
    boolean segment(int seq, int len, boolean syn, boolean fin, boolean rst) {
        long start = relative(seq) + (syn ? 1 : 0);
        long end = start + (rst ? 0 : len) + (fin ? 1 : 0);
        long delta = end - lastRel;
        if ((syn || rst) && (delta > TOO_LARGE_SEQ_DELTA || delta < -TOO_LARGE_SEQ_DELTA)) {
            return false;
        }
        if (state == EndpointState.RESET) {
            return false;
        }
        if (delta > 0) {
            lastRaw += (int) delta;
            lastRel = end;
            return false;
        }
        return len > 0 && !rst;
    }

    /** The peer acknowledged up to raw sequence {@code ack} of this side; returns newly missed bytes. */
    long acknowledged(int ack) {
        long rel = relative(ack);
        if (rel > ackRel && rel - ackRel < (1L << 31)) {
            ackRel = rel;
        }
        long seenUpTo = Math.max(lastRel, gapCheckedRel);
        if (ackRel > seenUpTo) {
            long missed = ackRel - seenUpTo;
            gapCheckedRel = ackRel;
            missedBytes += missed;
            return missed;
        }
        return 0;
    }

    /** Payload bytes this side sent, each byte of the stream once (SYN and FIN octets excluded). */
    public long payloadBytes() {
        if (prevState == EndpointState.SYN_SENT && state == EndpointState.RESET && ackRel == 0) {
            // A half-open attempt aborted: its sequence numbers say nothing about data.
            return 0;
        }
        long size = Math.max(lastRel, ackRel);
        if (finSeen && size > 0) {
            size--;
        }
        return Math.max(0, size);
    }

    public EndpointState state() {
        return state;
    }

    public long packets() {
        return packets;
    }

    public long ipBytes() {
        return ipBytes;
    }

    public long missedBytes() {
        return missedBytes;
    }
}
