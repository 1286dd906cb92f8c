package gatewatch.synth.session;

import static gatewatch.synth.wire.TcpSegment.ACK;
import static gatewatch.synth.wire.TcpSegment.FIN;
import static gatewatch.synth.wire.TcpSegment.PSH;
import static gatewatch.synth.wire.TcpSegment.RST;
import static gatewatch.synth.wire.TcpSegment.SYN;

import gatewatch.synth.net.Host;
import gatewatch.synth.wire.TcpSegment;
import java.util.ArrayDeque;
import java.util.random.RandomGenerator;

/**
 * One TCP connection, driven a step at a time (open, send, close or reset), making the segments
 * two real stacks would exchange: the handshake with MSS options, data cut at the MSS and sent
 * in slow-start rounds bounded by the receiver's window, an ACK for every second full segment
 * and a delayed ACK (or an ACK riding on the reply) for the rest, and the FIN exchange.
 *
 * <p>{@link Side#ORIGINATOR} sent the SYN (for active-mode FTP data that is the server machine).
 * Times are when the sensor sees a segment; a segment is seen as it is sent and reaches the
 * other side one one-way delay later. Each method returns a time the script continues from.
 */
public final class TcpConversation {
    /** The two ends, by who opened the connection. */
    public enum Side {
        ORIGINATOR, RESPONDER;

        public Side peer() {
            return this == ORIGINATOR ? RESPONDER : ORIGINATOR;
        }
    }

    public static final int MSS = 1460;
    /** Linux's minimum delayed-ACK timer; the sensor sees a lone segment acknowledged this late. */
    private static final long DELAYED_ACK_NANOS = 40_000_000L;
    /** Kernel turnaround for a SYN-ACK or an immediate ACK. */
    private static final long TURNAROUND_NANOS = 30_000L;
    private static final int INITIAL_WINDOW = 4 * MSS;
    private static final int MAX_CONGESTION_WINDOW = 64 * MSS;

    private final PacketSink sink;
    private final Host[] host = new Host[2];
    private final int[] port = new int[2];
    private final int[] next = new int[2];
    private final int[] isn = new int[2];
    private final int[] unacked = new int[2];
    private final long[] ackDue = new long[2];
    private final int[] congestionWindow = {INITIAL_WINDOW, INITIAL_WINDOW};
    private final long oneWayNanos;
    private final long nanosPerByte;

    /**
     * @param rttNanos      round-trip time between the two hosts
     * @param bitsPerSecond the bottleneck rate: how fast a burst of segments goes out
     */
    public TcpConversation(PacketSink sink, Host originator, int originatorPort, Host responder, int responderPort,
                           long rttNanos, long bitsPerSecond, RandomGenerator rng) {
        this.sink = sink;
        host[0] = originator;
        host[1] = responder;
        port[0] = originatorPort;
        port[1] = responderPort;
        isn[0] = rng.nextInt();
        isn[1] = rng.nextInt();
        next[0] = isn[0] + 1;
        next[1] = isn[1] + 1;
        this.oneWayNanos = Math.max(1, rttNanos / 2);
        this.nanosPerByte = Math.max(1, 8_000_000_000L / bitsPerSecond);
    }

    public long oneWayNanos() {
        return oneWayNanos;
    }

    /** The three-way handshake from {@code t}; returns when the originator sends its ACK (and may send data). */
    public long open(long t) {
        long ack = synAndSynAck(t) + oneWayNanos + TURNAROUND_NANOS;
        segment(Side.ORIGINATOR, ack, next[0], next[1], ACK, 0);
        return ack;
    }

    /** A SYN nobody answers (a full backlog, a filtered port): Zeek's S0. */
    public void synOnly(long t) {
        segment(Side.ORIGINATOR, t, isn[0], 0, SYN, MSS);
    }

    /** A SYN answered by RST-ACK (a closed port): REJ. Returns when the RST is seen. */
    public long refused(long t) {
        segment(Side.ORIGINATOR, t, isn[0], 0, SYN, MSS);
        long rst = t + oneWayNanos + TURNAROUND_NANOS;
        segment(Side.RESPONDER, rst, 0, next[0], RST | ACK, 0);
        return rst;
    }

    /** A SYN answered by SYN-ACK that the originator resets instead of completing (a half-open scan). */
    public long synAckThenReset(long t) {
        long rst = synAndSynAck(t) + oneWayNanos + TURNAROUND_NANOS;
        segment(Side.ORIGINATOR, rst, next[0], 0, RST, 0);
        return rst;
    }

    /** SYN at {@code t} and the responder's SYN-ACK; returns when the SYN-ACK is seen. */
    private long synAndSynAck(long t) {
        segment(Side.ORIGINATOR, t, isn[0], 0, SYN, MSS);
        long synAck = t + oneWayNanos + TURNAROUND_NANOS;
        segment(Side.RESPONDER, synAck, isn[1], next[0], SYN | ACK, MSS);
        return synAck;
    }

    /**
     * Sends {@code data} whole from {@code from}, starting at {@code t}: segments go out as fast
     * as the link allows while the bytes in flight stay within the congestion window and below
     * the receiver's window; then the sender waits for the next ACK. The congestion window
     * grows by one segment an ACK (slow start) and carries over to the next message.
     *
     * @return when its last byte reaches the peer
     */
    public long send(Side from, byte[] data, long t) {
        int me = from.ordinal();
        int peer = 1 - me;
        settleAcks(from, t);
        // Strictly below the receiver's window: a sender that fills it exactly stalls (and tools flag it).
        int receiverWindow = Math.max(MSS, host[peer].window() - 1);
        ArrayDeque<long[]> acks = new ArrayDeque<>();
        long acked = 0;
        int offset = 0;
        long at = t;
        long lastSent = t;
        while (offset < data.length) {
            int length = Math.min(MSS, data.length - offset);
            while (offset + length - acked > Math.min(congestionWindow[me], receiverWindow) || arrived(acks, at)) {
                if (acks.isEmpty()) {
                    // Only a lone segment is out: the receiver acknowledges it when its timer fires.
                    segment(Side.values()[peer], ackDue[peer], next[peer], next[me], ACK, 0);
                    unacked[peer] = 0;
                    acks.add(new long[] {ackDue[peer] + oneWayNanos, offset});
                }
                long[] ack = acks.removeFirst();
                at = Math.max(at, ack[0]);
                acked = ack[1];
                congestionWindow[me] = Math.min(congestionWindow[me] + MSS, MAX_CONGESTION_WINDOW);
            }
            boolean last = offset + length == data.length;
            sink.add(new TcpSegment(at, host[me], port[me], host[peer], port[peer], next[me], next[peer],
                    ACK | (last ? PSH : 0), host[me].window(), 0, data, offset, length));
            next[me] += length;
            offset += length;
            lastSent = at;
            long arrival = at + oneWayNanos;
            if (++unacked[peer] >= 2) {
                long ackAt = arrival + TURNAROUND_NANOS;
                segment(Side.values()[peer], ackAt, next[peer], next[me], ACK, 0);
                unacked[peer] = 0;
                acks.add(new long[] {ackAt + oneWayNanos, offset});
            } else {
                ackDue[peer] = arrival + DELAYED_ACK_NANOS;
            }
            at += Math.max(1_000L, length * nanosPerByte);
        }
        return lastSent + oneWayNanos;
    }

    /** An ACK has reached the sender by {@code at}. */
    private static boolean arrived(ArrayDeque<long[]> acks, long at) {
        return !acks.isEmpty() && acks.peekFirst()[0] <= at;
    }

    /**
     * {@code first} closes at {@code t}; the peer answers with its own FIN (acknowledging the
     * first) and the first acknowledges that.
     *
     * @return when the last ACK is seen
     */
    public long close(Side first, long t) {
        settleAcks(first, t);
        int me = first.ordinal();
        int peer = 1 - me;
        segment(first, t, next[me], next[peer], FIN | ACK, 0);
        next[me]++;
        long finAck = t + oneWayNanos + TURNAROUND_NANOS;
        unacked[peer] = 0;
        segment(first.peer(), finAck, next[peer], next[me], FIN | ACK, 0);
        next[peer]++;
        long lastAck = finAck + oneWayNanos + TURNAROUND_NANOS;
        segment(first, lastAck, next[me], next[peer], ACK, 0);
        return lastAck;
    }

    /** {@code from} aborts the connection with RST-ACK at {@code t}. */
    public void reset(Side from, long t) {
        settleAcks(from, t);
        int me = from.ordinal();
        segment(from, t, next[me], next[1 - me], RST | ACK, 0);
    }

    /**
     * Before {@code sender} sends at {@code t}: a receiver whose delayed ACK fell due before then
     * sends it as its own segment; the sender's own pending ACK rides on what it sends now.
     */
    private void settleAcks(Side sender, long t) {
        for (Side s : Side.values()) {
            int i = s.ordinal();
            if (unacked[i] == 0) {
                continue;
            }
            if (ackDue[i] <= t) {
                segment(s, ackDue[i], next[i], next[1 - i], ACK, 0);
                unacked[i] = 0;
            } else if (s == sender) {
                unacked[i] = 0;
            }
        }
    }

    private void segment(Side from, long t, int seq, int ack, int flags, int mss) {
        int me = from.ordinal();
        int peer = 1 - me;
        sink.add(TcpSegment.control(t, host[me], port[me], host[peer], port[peer], seq, ack, flags,
                host[me].window(), mss));
    }
}
