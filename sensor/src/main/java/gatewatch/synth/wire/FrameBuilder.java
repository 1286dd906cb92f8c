package gatewatch.synth.wire;

import gatewatch.features.encode.Checksums;
import gatewatch.synth.net.Host;

/**
 * Frames a {@link Packet}: Ethernet II, IPv4 (20 bytes, no options) and the TCP, UDP or ICMP
 * header, with correct lengths and checksums, into one reusable buffer.
 *
 * <p>Frames shorter than Ethernet's 60-byte minimum are zero-padded as on the wire, so the IP
 * total length, not the frame length, says where the datagram ends. The IP identification comes
 * from the sending host's counter at the moment the frame is built, so it rises in time order.
 * Not thread-safe; one per writer.
 */
public final class FrameBuilder {
    public static final int MAX_FRAME = 14 + 65_535;
    private static final int ETH = 14;
    private static final int IP = 20;
    private static final int MIN_FRAME = 60;
    private static final int PROTO_ICMP = 1;
    private static final int PROTO_TCP = 6;
    private static final int PROTO_UDP = 17;
    private static final int DONT_FRAGMENT = 0x4000;

    private final byte[] buf = new byte[MAX_FRAME];

    /** The frame of the last {@link #build}; valid until the next call. */
    public byte[] buffer() {
        return buf;
    }

    /** Writes the frame of {@code p} into {@link #buffer()} and returns its length. */
    public int build(Packet p) {
        int l4Length = switch (p) {
            case TcpSegment t -> tcp(t);
            case UdpDatagram u -> udp(u);
            case IcmpMessage i -> icmp(i);
        };
        int protocol = switch (p) {
            case TcpSegment t -> PROTO_TCP;
            case UdpDatagram u -> PROTO_UDP;
            case IcmpMessage i -> PROTO_ICMP;
        };
        // TCP sets DF (path MTU discovery); UDP and ICMP of the era's stacks did not.
        int fragment = protocol == PROTO_TCP ? DONT_FRAGMENT : 0;
        ethernet(p.src(), p.dst());
        ipv4(p.src(), p.dst(), protocol, IP + l4Length, fragment);
        int length = ETH + IP + l4Length;
        if (length < MIN_FRAME) {
            java.util.Arrays.fill(buf, length, MIN_FRAME, (byte) 0);
            length = MIN_FRAME;
        }
        return length;
    }

    private void ethernet(Host src, Host dst) {
        putMac(0, dst.mac());
        putMac(6, src.mac());
        put16(12, 0x0800);
    }

    private void ipv4(Host src, Host dst, int protocol, int totalLength, int fragment) {
        buf[ETH] = 0x45;
        buf[ETH + 1] = 0;
        put16(ETH + 2, totalLength);
        put16(ETH + 4, src.takeIpId());
        put16(ETH + 6, fragment);
        buf[ETH + 8] = (byte) src.ttl();
        buf[ETH + 9] = (byte) protocol;
        put16(ETH + 10, 0);
        put32(ETH + 12, src.address());
        put32(ETH + 16, dst.address());
        put16(ETH + 10, Checksums.finish(Checksums.sum(buf, ETH, IP, 0)));
    }

    private int tcp(TcpSegment s) {
        int at = ETH + IP;
        int headerLength = s.mss() > 0 ? 28 : 20;
        put16(at, s.srcPort());
        put16(at + 2, s.dstPort());
        put32(at + 4, s.seq());
        put32(at + 8, s.ack());
        buf[at + 12] = (byte) ((headerLength / 4) << 4);
        buf[at + 13] = (byte) s.flags();
        put16(at + 14, s.window());
        put16(at + 16, 0);
        put16(at + 18, 0);
        if (s.mss() > 0) {
            // MSS, then NOP NOP SACK-permitted: what a SYN of a stack without timestamps carries.
            buf[at + 20] = 2;
            buf[at + 21] = 4;
            put16(at + 22, s.mss());
            buf[at + 24] = 1;
            buf[at + 25] = 1;
            buf[at + 26] = 4;
            buf[at + 27] = 2;
        }
        System.arraycopy(s.data(), s.offset(), buf, at + headerLength, s.length());
        int length = headerLength + s.length();
        long sum = Checksums.pseudoHeader(s.src().address(), s.dst().address(), PROTO_TCP, length);
        put16(at + 16, Checksums.finish(Checksums.sum(buf, at, length, sum)));
        return length;
    }

    private int udp(UdpDatagram u) {
        int at = ETH + IP;
        int length = 8 + u.data().length;
        put16(at, u.srcPort());
        put16(at + 2, u.dstPort());
        put16(at + 4, length);
        put16(at + 6, 0);
        System.arraycopy(u.data(), 0, buf, at + 8, u.data().length);
        long sum = Checksums.pseudoHeader(u.src().address(), u.dst().address(), PROTO_UDP, length);
        int checksum = Checksums.finish(Checksums.sum(buf, at, length, sum));
        // 0 means "no checksum" in UDP over IPv4, so a computed 0 is sent as its other form.
        put16(at + 6, checksum == 0 ? 0xffff : checksum);
        return length;
    }

    private int icmp(IcmpMessage m) {
        int at = ETH + IP;
        int length = 8 + m.dataLength();
        buf[at] = (byte) m.type();
        buf[at + 1] = 0;
        put16(at + 2, 0);
        put16(at + 4, m.identifier());
        put16(at + 6, m.sequence());
        System.arraycopy(m.data(), 0, buf, at + 8, m.dataLength());
        put16(at + 2, Checksums.finish(Checksums.sum(buf, at, length, 0)));
        return length;
    }

    private void putMac(int at, long mac) {
        for (int i = 0; i < 6; i++) {
            buf[at + i] = (byte) (mac >>> (40 - 8 * i));
        }
    }

    private void put16(int at, int v) {
        buf[at] = (byte) (v >>> 8);
        buf[at + 1] = (byte) v;
    }

    private void put32(int at, int v) {
        buf[at] = (byte) (v >>> 24);
        buf[at + 1] = (byte) (v >>> 16);
        buf[at + 2] = (byte) (v >>> 8);
        buf[at + 3] = (byte) v;
    }
}
