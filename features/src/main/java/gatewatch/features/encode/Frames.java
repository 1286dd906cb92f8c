package gatewatch.features.encode;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Encodes frames, the inverse of {@code gatewatch.features.decode}: Ethernet or raw IP, IPv4 or
 * IPv6, TCP/UDP/ICMP, with correct lengths and checksums, and the other link layers the decoder
 * reads. The one frame builder of the project: the synthesizer ({@code gatewatch.synth}, in the
 * sensor module) writes its captures with it, and the tests of the features and sensor modules
 * build their frames with it.
 *
 * <p>It lives in the features module's main code because that is the one place all three users
 * can reach: features cannot depend on sensor, and the synthesizer, being production code,
 * cannot depend on a test-jar. Nothing on the capture path uses it.
 *
 * <pre>{@code
 * byte[] syn = Frames.tcp("10.0.0.1", 40000, "10.0.0.2", 80).flags(Frames.SYN).seq(1).ethernet();
 * }</pre>
 *
 * <p>The defaults suit tests (fixed MAC addresses, IP identification 1, TTL 64, no padding);
 * the synthesizer sets every one of them from its simulated host.
 */
public final class Frames {
    public static final int FIN = 0x01;
    public static final int SYN = 0x02;
    public static final int RST = 0x04;
    public static final int PSH = 0x08;
    public static final int ACK = 0x10;
    public static final int URG = 0x20;
    /** The longest Ethernet frame an IPv4 datagram makes: header and the largest total length. */
    public static final int MAX_ETHERNET = 14 + 65_535;
    /** Ethernet's minimum frame (without the FCS): shorter ones are zero-padded on the wire. */
    public static final int MIN_ETHERNET = 60;

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
        return icmp(addr(src), addr(dst), type, code);
    }

    /** TCP between IPv4 addresses given as ints (the first octet in the high byte). */
    public static Packet tcp(int src, int srcPort, int dst, int dstPort) {
        return new Packet(6, addr(src), srcPort, addr(dst), dstPort);
    }

    /** UDP between IPv4 addresses given as ints. */
    public static Packet udp(int src, int srcPort, int dst, int dstPort) {
        return new Packet(17, addr(src), srcPort, addr(dst), dstPort);
    }

    /** ICMP between IPv4 addresses given as ints. */
    public static Packet icmp(int src, int dst, int type, int code) {
        return icmp(addr(src), addr(dst), type, code);
    }

    private static Packet icmp(byte[] src, byte[] dst, int type, int code) {
        Packet p = new Packet(src.length == 16 ? 58 : 1, src, 0, dst, 0);
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

    /** The Ethernet broadcast address, as {@link #arp}'s MAC addresses are given: 48 bits in a long. */
    public static final long BROADCAST_MAC = 0xffff_ffff_ffffL;

    /**
     * An Ethernet frame carrying an ARP packet (RFC 826, IPv4): operation {@code op} (1 request, 2
     * reply), sender {@code sha}/{@code spa}, target {@code tha}/{@code tpa}, sent to {@code ethDst}
     * from {@code sha}; padded to the Ethernet minimum as a NIC sends it.
     */
    public static byte[] arp(long ethDst, int op, long sha, String spa, long tha, String tpa) {
        ByteBuffer b = ByteBuffer.allocate(MIN_ETHERNET);
        putMac(b, ethDst);
        putMac(b, sha);
        b.putShort((short) 0x0806);
        b.putShort((short) 1).putShort((short) 0x0800).put((byte) 6).put((byte) 4).putShort((short) op);
        putMac(b, sha);
        b.put(addr(spa));
        putMac(b, tha);
        b.put(addr(tpa));
        return b.array();
    }

    private static void putMac(ByteBuffer b, long mac) {
        b.putShort((short) (mac >>> 32)).putInt((int) mac);
    }

    private static byte[] addr(String a) {
        try {
            return InetAddress.getByName(a).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(a, e);
        }
    }

    private static byte[] addr(int a) {
        return new byte[] {(byte) (a >>> 24), (byte) (a >>> 16), (byte) (a >>> 8), (byte) a};
    }

    /** One packet under construction. Not thread-safe; build it, write it, drop it. */
    public static final class Packet {
        private static final byte[] NO_DATA = new byte[0];
        private static final int DONT_FRAGMENT = 0x4000;
        private static final int MORE_FRAGMENTS = 0x2000;

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
        private int mss;
        private byte[] payload = NO_DATA;
        private int payloadOffset;
        private int payloadLength;
        private int icmpType;
        private int icmpCode;
        private int icmpId = 1;
        private int icmpSeq = 1;
        private int ipId = 1;
        private int fragmentOffset;
        private boolean moreFragments;
        private boolean fragmentHeader;
        private boolean dontFragment;
        private int ttl = 64;
        private long srcMac = 0x00_66_77_88_99_aaL;
        private long dstMac = 0x00_11_22_33_44_55L;
        private boolean padded;

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
        public Packet payload(byte[] p) { return payloadView(p.clone(), 0, p.length); }
        public Packet payload(String ascii) { return payload(ascii.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)); }
        public Packet payloadLength(int n) { return payload(new byte[n]); }
        public Packet icmpId(int id) { this.icmpId = id; return this; }
        public Packet icmpSeq(int s) { this.icmpSeq = s; return this; }
        public Packet ipId(int id) { this.ipId = id; return this; }
        public Packet ttl(int t) { this.ttl = t; return this; }

        /** {@code data[offset, offset+length)} as the payload, not copied: it must not change until the frame is written. */
        public Packet payloadView(byte[] data, int offset, int length) {
            this.payload = data;
            this.payloadOffset = offset;
            this.payloadLength = length;
            return this;
        }

        /**
         * A TCP option block as a SYN of a stack without timestamps carries it: MSS, then NOP NOP
         * SACK-permitted (8 bytes); 0 (the default) for none.
         */
        public Packet mss(int m) { this.mss = m; return this; }

        /** Sets IPv4's don't-fragment bit, as stacks doing path MTU discovery do on TCP. */
        public Packet dontFragment() { this.dontFragment = true; return this; }

        /** The Ethernet addresses, each in the low 48 bits. */
        public Packet macs(long source, long destination) {
            this.srcMac = source;
            this.dstMac = destination;
            return this;
        }

        /**
         * Zero-pads Ethernet frames shorter than {@link #MIN_ETHERNET} as a sending interface does,
         * so the IP total length, not the frame length, says where the datagram ends.
         */
        public Packet padded() { this.padded = true; return this; }

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

        /** The transport header and payload, checksum included. */
        public byte[] transport() {
            byte[] b = new byte[transportLength()];
            writeTransport(b, 0);
            return b;
        }

        /** The IP datagram (IPv4 or IPv6 by the address family). */
        public byte[] ip() {
            byte[] b = new byte[ipHeaderLength() + transportLength()];
            writeIp(b, 0);
            return b;
        }

        /** An IP datagram around an arbitrary transport part (for fragments). */
        public byte[] ip(byte[] body) {
            byte[] b = new byte[ipHeaderLength() + body.length];
            int header = writeIpHeader(b, 0, body.length);
            System.arraycopy(body, 0, b, header, body.length);
            return b;
        }

        /** An Ethernet II frame carrying the datagram. */
        public byte[] ethernet() {
            byte[] b = new byte[frameLength(ipHeaderLength() + transportLength())];
            writeEthernet(b);
            return b;
        }

        /** An Ethernet II frame carrying {@code ip}, which may be any bytes. */
        public byte[] ethernet(byte[] ip) {
            byte[] b = new byte[frameLength(ip.length)];
            writeEthernetHeader(b);
            System.arraycopy(ip, 0, b, 14, ip.length);
            return b;
        }

        /**
         * Writes the Ethernet frame into {@code buf} (at least {@link #MAX_ETHERNET} bytes for any
         * IPv4 packet) and returns its length: for a writer that reuses one buffer.
         */
        public int writeEthernet(byte[] buf) {
            writeEthernetHeader(buf);
            int end = 14 + writeIp(buf, 14);
            int length = frameLength(end - 14);
            java.util.Arrays.fill(buf, end, length, (byte) 0);
            return length;
        }

        private int frameLength(int ipLength) {
            return padded ? Math.max(14 + ipLength, MIN_ETHERNET) : 14 + ipLength;
        }

        private void writeEthernetHeader(byte[] b) {
            ByteBuffer.wrap(b).putShort(0, (short) (dstMac >>> 32)).putInt(2, (int) dstMac)
                    .putShort(6, (short) (srcMac >>> 32)).putInt(8, (int) srcMac)
                    .putShort(12, (short) (src.length == 4 ? 0x0800 : 0x86dd));
        }

        private int writeIp(byte[] b, int at) {
            int header = writeIpHeader(b, at, transportLength());
            return header + writeTransport(b, at + header);
        }

        private int ipHeaderLength() {
            return src.length == 4 ? 20 : 40 + (fragmentHeader ? 8 : 0);
        }

        private int writeIpHeader(byte[] b, int at, int bodyLength) {
            ByteBuffer h = ByteBuffer.wrap(b, at, ipHeaderLength());
            if (src.length == 4) {
                int fragmentField = (dontFragment ? DONT_FRAGMENT : 0) | (moreFragments ? MORE_FRAGMENTS : 0)
                        | (fragmentOffset / 8);
                h.put((byte) 0x45).put((byte) 0).putShort((short) (20 + bodyLength)).putShort((short) ipId)
                        .putShort((short) fragmentField).put((byte) ttl).put((byte) protocol).putShort((short) 0)
                        .put(src).put(dst);
                h.putShort(at + 10, (short) Checksums.finish(Checksums.sum(b, at, 20, 0)));
                return 20;
            }
            int ext = fragmentHeader ? 8 : 0;
            h.putInt(0x60000000).putShort((short) (ext + bodyLength)).put((byte) (fragmentHeader ? 44 : protocol))
                    .put((byte) ttl).put(src).put(dst);
            if (fragmentHeader) {
                h.put((byte) protocol).put((byte) 0).putShort((short) (fragmentOffset | (moreFragments ? 1 : 0)))
                        .putInt(ipId);
            }
            return 40 + ext;
        }

        private int transportLength() {
            return (protocol == 6 ? (mss > 0 ? 28 : 20) : 8) + payloadLength;
        }

        private int writeTransport(byte[] b, int at) {
            int length = transportLength();
            ByteBuffer t = ByteBuffer.wrap(b, at, length);
            int checksumAt;
            switch (protocol) {
                case 6 -> {
                    t.putShort((short) srcPort).putShort((short) dstPort).putInt((int) seq).putInt((int) ack)
                            .put((byte) ((mss > 0 ? 7 : 5) << 4)).put((byte) flags).putShort((short) window)
                            .putShort((short) 0).putShort((short) urgentPointer);
                    if (mss > 0) {
                        t.put((byte) 2).put((byte) 4).putShort((short) mss).put((byte) 1).put((byte) 1)
                                .put((byte) 4).put((byte) 2);
                    }
                    checksumAt = at + 16;
                }
                case 17 -> {
                    t.putShort((short) srcPort).putShort((short) dstPort).putShort((short) length).putShort((short) 0);
                    checksumAt = at + 6;
                }
                default -> {
                    t.put((byte) icmpType).put((byte) icmpCode).putShort((short) 0).putShort((short) icmpId)
                            .putShort((short) icmpSeq);
                    checksumAt = at + 2;
                }
            }
            t.put(payload, payloadOffset, payloadLength);
            // ICMP for IPv4 is the one checksum without the pseudo-header (ICMPv6 has it).
            long sum = protocol == 1 ? 0 : Checksums.pseudoHeader(src, dst, protocol, length);
            int checksum = Checksums.finish(Checksums.sum(b, at, length, sum));
            // 0 means "no checksum" in UDP over IPv4, so a computed 0 is sent as its other form.
            if (protocol == 17 && checksum == 0) {
                checksum = 0xffff;
            }
            b[checksumAt] = (byte) (checksum >>> 8);
            b[checksumAt + 1] = (byte) checksum;
            return length;
        }
    }
}
