package gatewatch.features.testing;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;

/**
 * Builds frames for tests: Ethernet or raw IP, IPv4 or IPv6, TCP/UDP/ICMP, with correct lengths
 * (checksums are left at zero: the decoder does not verify them).
 *
 * <pre>{@code
 * byte[] syn = Frames.tcp("10.0.0.1", 40000, "10.0.0.2", 80).flags(Frames.SYN).seq(1).ethernet();
 * }</pre>
 */
public final class Frames {
    public static final int FIN = 0x01;
    public static final int SYN = 0x02;
    public static final int RST = 0x04;
    public static final int PSH = 0x08;
    public static final int ACK = 0x10;
    public static final int URG = 0x20;

    private Frames() {
    }

    public static Packet tcp(String src, int srcPort, String dst, int dstPort) {
        return new Packet(6, addr(src), srcPort, addr(dst), dstPort);
    }

    public static Packet udp(String src, int srcPort, String dst, int dstPort) {
        return new Packet(17, addr(src), srcPort, addr(dst), dstPort);
    }

    /** ICMP (or ICMPv6 for IPv6 addresses) with the given type and code. */
    public static Packet icmp(String src, String dst, int type, int code) {
        byte[] s = addr(src);
        Packet p = new Packet(s.length == 16 ? 58 : 1, s, 0, addr(dst), 0);
        p.icmpType = type;
        p.icmpCode = code;
        return p;
    }

    private static byte[] addr(String a) {
        try {
            return InetAddress.getByName(a).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(a, e);
        }
    }

    /** One packet under construction. */
    public static final class Packet {
        private final int protocol;
        private final byte[] src;
        private final byte[] dst;
        private final int srcPort;
        private final int dstPort;
        private int flags;
        private long seq;
        private long ack;
        private int window = 65535;
        private int urgentPointer;
        private byte[] payload = new byte[0];
        private int icmpType;
        private int icmpCode;
        private int icmpId = 1;
        private int ipId = 1;
        private int fragmentOffset;
        private boolean moreFragments;
        private int ttl = 64;

        private Packet(int protocol, byte[] src, int srcPort, byte[] dst, int dstPort) {
            this.protocol = protocol;
            this.src = src;
            this.srcPort = srcPort;
            this.dst = dst;
            this.dstPort = dstPort;
        }

        public Packet flags(int f) { this.flags = f; return this; }
        public Packet seq(long s) { this.seq = s; return this; }
        public Packet ack(long a) { this.ack = a; return this; }
        public Packet window(int w) { this.window = w; return this; }
        public Packet urgentPointer(int u) { this.urgentPointer = u; return this; }
        public Packet payload(byte[] p) { this.payload = p.clone(); return this; }
        public Packet payload(String ascii) { return payload(ascii.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)); }
        public Packet payloadLength(int n) { return payload(new byte[n]); }
        public Packet icmpId(int id) { this.icmpId = id; return this; }
        public Packet ipId(int id) { this.ipId = id; return this; }
        public Packet ttl(int t) { this.ttl = t; return this; }
        /** IPv4 fragment fields: offset in bytes (a multiple of 8) and the MF bit. */
        public Packet fragment(int offsetBytes, boolean more) {
            this.fragmentOffset = offsetBytes;
            this.moreFragments = more;
            return this;
        }

        /** The transport header and payload. */
        public byte[] transport() {
            ByteBuffer b;
            switch (protocol) {
                case 6 -> {
                    b = ByteBuffer.allocate(20 + payload.length);
                    b.putShort((short) srcPort).putShort((short) dstPort).putInt((int) seq).putInt((int) ack);
                    b.put((byte) (5 << 4)).put((byte) flags).putShort((short) window).putShort((short) 0)
                            .putShort((short) urgentPointer);
                }
                case 17 -> {
                    b = ByteBuffer.allocate(8 + payload.length);
                    b.putShort((short) srcPort).putShort((short) dstPort).putShort((short) (8 + payload.length))
                            .putShort((short) 0);
                }
                default -> {
                    b = ByteBuffer.allocate(8 + payload.length);
                    b.put((byte) icmpType).put((byte) icmpCode).putShort((short) 0).putShort((short) icmpId)
                            .putShort((short) 1);
                }
            }
            b.put(payload);
            return b.array();
        }

        /** The IP datagram (IPv4 or IPv6 by the address family). */
        public byte[] ip() {
            return ip(transport());
        }

        /** An IP datagram around an arbitrary transport part (for fragments). */
        public byte[] ip(byte[] body) {
            if (src.length == 4) {
                ByteBuffer b = ByteBuffer.allocate(20 + body.length);
                b.put((byte) 0x45).put((byte) 0).putShort((short) (20 + body.length)).putShort((short) ipId)
                        .putShort((short) ((moreFragments ? 0x2000 : 0) | (fragmentOffset / 8)))
                        .put((byte) ttl).put((byte) protocol).putShort((short) 0).put(src).put(dst).put(body);
                return b.array();
            }
            ByteBuffer b = ByteBuffer.allocate(40 + body.length);
            b.putInt(0x60000000).putShort((short) body.length).put((byte) protocol).put((byte) ttl)
                    .put(src).put(dst).put(body);
            return b.array();
        }

        /** An Ethernet II frame carrying the datagram. */
        public byte[] ethernet() {
            return ethernet(ip());
        }

        public byte[] ethernet(byte[] ip) {
            ByteBuffer b = ByteBuffer.allocate(14 + ip.length);
            b.put(new byte[] {0, 0x11, 0x22, 0x33, 0x44, 0x55, 0, 0x66, 0x77, (byte) 0x88, (byte) 0x99, (byte) 0xaa});
            b.putShort((short) (src.length == 4 ? 0x0800 : 0x86dd)).put(ip);
            return b.array();
        }
    }
}
