package gatewatch.synth.wire;

import gatewatch.features.encode.Frames;
import gatewatch.synth.net.Host;

/**
 * A TCP segment. {@code seq} and {@code ack} are 32-bit sequence numbers (they wrap as ints do);
 * {@code mss} above 0 adds the options a SYN carries (MSS, NOP, NOP, SACK permitted).
 */
public record TcpSegment(long timeNanos, Host src, int srcPort, Host dst, int dstPort,
                         int seq, int ack, int flags, int window, int mss,
                         byte[] data, int offset, int length) implements Packet {
    public static final int FIN = 0x01;
    public static final int SYN = 0x02;
    public static final int RST = 0x04;
    public static final int PSH = 0x08;
    public static final int ACK = 0x10;

    private static final byte[] NO_DATA = new byte[0];

    /** A segment without payload. */
    public static TcpSegment control(long timeNanos, Host src, int srcPort, Host dst, int dstPort,
                                     int seq, int ack, int flags, int window, int mss) {
        return new TcpSegment(timeNanos, src, srcPort, dst, dstPort, seq, ack, flags, window, mss, NO_DATA, 0, 0);
    }

    /** A SYN without ACK: the originator opening the connection. */
    @Override
    public boolean opensConnection() {
        return (flags & (SYN | ACK | RST | FIN)) == SYN;
    }

    /** With DF set: TCP does path MTU discovery; UDP and ICMP of the era's stacks did not. */
    @Override
    public Frames.Packet encoding() {
        return Frames.tcp(src.address(), srcPort, dst.address(), dstPort).seq(seq).ack(ack).flags(flags)
                .window(window).mss(mss).payloadView(data, offset, length).dontFragment();
    }

    @Override
    public TcpSegment at(long time) {
        return new TcpSegment(time, src, srcPort, dst, dstPort, seq, ack, flags, window, mss, data, offset, length);
    }
}
