package gatewatch.features.encode;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

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

    /** Linux cooked v1 (SLL) around a network-layer packet with the given protocol (EtherType). */
    public static byte[] sll(byte[] packet, int protocol) {
        ByteBuffer b = ByteBuffer.allocate(16 + packet.length);
        b.putShort((short) 0).putShort((short) 1).putShort((short) 6).put(new byte[] {0, 0x11, 0x22, 0x33, 0x44, 0x55, 0, 0})
                .putShort((short) protocol).put(packet);
        return b.array();
    }

    /** Linux cooked v2 (SLL2) around a network-layer packet with the given protocol (EtherType). */
    public static byte[] sll2(byte[] packet, int protocol) {
        ByteBuffer b = ByteBuffer.allocate(20 + packet.length);
        b.putShort((short) protocol).putShort((short) 0).putInt(2).putShort((short) 1).put((byte) 4).put((byte) 6)
                .put(new byte[] {0, 0x11, 0x22, 0x33, 0x44, 0x55, 0, 0}).put(packet);
        return b.array();
    }

    /** BSD loopback: a 4-byte address family in the given byte order (NULL: host order; LOOP: big-endian). */
    public static byte[] loopback(byte[] packet, int family, ByteOrder order) {
        return ByteBuffer.allocate(4 + packet.length).order(order).putInt(family).put(packet).array();
    }

    /**
     * NFLOG: header (family, version 0, resource id), a prefix TLV, then the payload TLV, with TLV
     * lengths and types in the given byte order.
     */
    public static byte[] nflog(byte[] packet, int family, ByteOrder order) {
        byte[] prefix = "gw\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        int prefixTlv = 4 + prefix.length;
        int payloadTlv = 4 + packet.length;
        ByteBuffer b = ByteBuffer.allocate(4 + pad4(prefixTlv) + pad4(payloadTlv)).order(order);
        b.put((byte) family).put((byte) 0).order(ByteOrder.BIG_ENDIAN).putShort((short) 7).order(order);
        b.putShort((short) prefixTlv).putShort((short) 10).put(prefix).position(4 + pad4(prefixTlv));
        b.putShort((short) payloadTlv).putShort((short) 9).put(packet);
        return b.array();
    }

    private static int pad4(int n) {
        return (n + 3) & ~3;
    }

    /** PPP: optional {@code ff 03}, then the protocol in two bytes or (compressed) one. */
    public static byte[] ppp(byte[] packet, int protocol, boolean hdlc, boolean compressed) {
        ByteBuffer b = ByteBuffer.allocate(4 + packet.length);
        if (hdlc) {
            b.put((byte) 0xff).put((byte) 0x03);
        }
        if (compressed) {
            b.put((byte) protocol);
        } else {
            b.putShort((short) protocol);
        }
        b.put(packet);
        return java.util.Arrays.copyOf(b.array(), b.position());
    }

    /** Inserts VLAN tags (each a TPID, e.g. 0x88a8 then 0x8100) after the MAC addresses of an Ethernet frame. */
    public static byte[] vlan(byte[] ethernet, int... tpids) {
        ByteBuffer b = ByteBuffer.allocate(ethernet.length + 4 * tpids.length);
        b.put(ethernet, 0, 12);
        for (int i = 0; i < tpids.length; i++) {
            b.putShort((short) tpids[i]).putShort((short) (100 + i));
        }
        b.put(ethernet, 12, ethernet.length - 12);
        return b.array();
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
        private boolean fragmentHeader;
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
        /**
         * Fragment fields: offset in bytes (a multiple of 8, unless testing one that is not) and
         * the more-fragments bit; IPv6 gets a fragment header with {@link #ipId} as its id.
         */
        public Packet fragment(int offsetBytes, boolean more) {
            this.fragmentOffset = offsetBytes;
            this.moreFragments = more;
            this.fragmentHeader = true;
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
            int ext = fragmentHeader ? 8 : 0;
            ByteBuffer b = ByteBuffer.allocate(40 + ext + body.length);
            b.putInt(0x60000000).putShort((short) (ext + body.length)).put((byte) (fragmentHeader ? 44 : protocol))
                    .put((byte) ttl).put(src).put(dst);
            if (fragmentHeader) {
                b.put((byte) protocol).put((byte) 0).putShort((short) (fragmentOffset | (moreFragments ? 1 : 0)))
                        .putInt(ipId);
            }
            b.put(body);
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
