package gatewatch.features.decode;

import static org.assertj.core.api.Assertions.assertThat;

import gatewatch.features.encode.Frames;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every {@link MalformedReason}, each from a frame built to have exactly that problem. */
class MalformedReasonsTest {
    /** A frame: bytes, how many were captured, how many were on the wire, and its link type. */
    private record Case(int linkType, byte[] bytes, int capLen, int wireLen) {
        static Case of(int linkType, byte[] bytes) {
            return new Case(linkType, bytes, bytes.length, bytes.length);
        }
    }

    private static final int IP = 14;
    private static final Map<MalformedReason, Case> CASES = new EnumMap<>(MalformedReason.class);

    private static byte[] tcp4() {
        return Frames.tcp("10.0.0.1", 1, "10.0.0.2", 2).payloadLength(12).ethernet();
    }

    private static byte[] udp6() {
        return Frames.udp("2001:db8::1", 1, "2001:db8::2", 2).payloadLength(12).ethernet();
    }

    private static byte[] with(byte[] b, int index, int value) {
        byte[] c = b.clone();
        c[index] = (byte) value;
        return c;
    }

    static {
        CASES.put(MalformedReason.LINK_UNSUPPORTED, Case.of(105, tcp4()));
        CASES.put(MalformedReason.LINK_TRUNCATED, Case.of(LinkType.ETHERNET, new byte[13]));
        CASES.put(MalformedReason.VLAN_TOO_DEEP, Case.of(LinkType.ETHERNET,
                Frames.vlan(tcp4(), 0x88a8, 0x8100, 0x8100, 0x8100, 0x8100)));
        CASES.put(MalformedReason.VLAN_TRUNCATED, Case.of(LinkType.ETHERNET,
                Arrays.copyOf(Frames.vlan(tcp4(), 0x8100), IP + 3)));
        byte[] nflog = Frames.nflog(Frames.udp("10.0.0.1", 1, "10.0.0.2", 2).ip(), 2, ByteOrder.LITTLE_ENDIAN);
        CASES.put(MalformedReason.NFLOG_BAD_VERSION, Case.of(LinkType.NFLOG, with(nflog, 1, 1)));
        CASES.put(MalformedReason.NFLOG_TLV_INVALID, Case.of(LinkType.NFLOG, with(nflog, 4, 2)));
        byte[] arp = new byte[IP + 28];
        arp[12] = 0x08;
        arp[13] = 0x06;
        System.arraycopy(new byte[] {0, 1, 8, 0, 6, 4, 0, 2}, 0, arp, IP, 8);
        CASES.put(MalformedReason.ARP_TRUNCATED, Case.of(LinkType.ETHERNET, Arrays.copyOf(arp, IP + 27)));
        CASES.put(MalformedReason.IP_VERSION_UNKNOWN, Case.of(LinkType.RAW,
                with(Frames.udp("10.0.0.1", 1, "10.0.0.2", 2).ip(), 0, 0x55)));
        CASES.put(MalformedReason.IPV4_PKT_TOO_SMALL, Case.of(LinkType.ETHERNET, Arrays.copyOf(tcp4(), IP + 19)));
        CASES.put(MalformedReason.IPV4_WRONG_VERSION, Case.of(LinkType.ETHERNET, with(tcp4(), IP, 0x65)));
        CASES.put(MalformedReason.IPV4_HLEN_TOO_SMALL, Case.of(LinkType.ETHERNET, with(tcp4(), IP, 0x44)));
        CASES.put(MalformedReason.IPV4_HLEN_TRUNCATED, Case.of(LinkType.ETHERNET,
                Arrays.copyOf(with(tcp4(), IP, 0x4f), IP + 40)));
        byte[] options = with(with(tcp4(), IP, 0x46), IP + 20, 0x44); // one option word: timestamp ...
        CASES.put(MalformedReason.IPV4_OPT_INVALID_LEN, Case.of(LinkType.ETHERNET, with(options, IP + 21, 9))); // ... of 9 bytes
        CASES.put(MalformedReason.IPV4_IPLEN_SMALLER_THAN_HLEN, Case.of(LinkType.ETHERNET, with(tcp4(), IP + 3, 19)));
        CASES.put(MalformedReason.IPV4_TRUNC_PKT, Case.of(LinkType.ETHERNET, with(tcp4(), IP + 2, 1)));
        CASES.put(MalformedReason.IPV6_PKT_TOO_SMALL, Case.of(LinkType.ETHERNET, Arrays.copyOf(udp6(), IP + 39)));
        CASES.put(MalformedReason.IPV6_WRONG_VERSION, Case.of(LinkType.ETHERNET, with(udp6(), IP, 0x40)));
        CASES.put(MalformedReason.IPV6_TRUNC_PKT, Case.of(LinkType.ETHERNET, with(udp6(), IP + 4, 1)));
        byte[] hopByHop = with(udp6(), IP + 6, 0);
        CASES.put(MalformedReason.IPV6_EXTHDR_TRUNCATED, Case.of(LinkType.ETHERNET, with(hopByHop, IP + 41, 3)));
        CASES.put(MalformedReason.IPV6_EXTHDR_TOO_MANY, Case.of(LinkType.ETHERNET, destinationOptionsChain(17)));
        byte[] tcp = tcp4();
        CASES.put(MalformedReason.TCP_PKT_TOO_SMALL, new Case(LinkType.ETHERNET, tcp, IP + 20 + 19, tcp.length));
        CASES.put(MalformedReason.TCP_HLEN_INVALID, Case.of(LinkType.ETHERNET, with(tcp, IP + 20 + 12, 4 << 4)));
        byte[] udp = Frames.udp("10.0.0.1", 1, "10.0.0.2", 2).payloadLength(12).ethernet();
        CASES.put(MalformedReason.UDP_PKT_TOO_SMALL, new Case(LinkType.ETHERNET, udp, IP + 20 + 7, udp.length));
        CASES.put(MalformedReason.UDP_LEN_INVALID, Case.of(LinkType.ETHERNET, with(udp, IP + 20 + 5, 7)));
        byte[] icmp = Frames.icmp("10.0.0.1", "10.0.0.2", 8, 0).ethernet();
        CASES.put(MalformedReason.ICMP_PKT_TOO_SMALL, new Case(LinkType.ETHERNET, icmp, IP + 20 + 7, icmp.length));
    }

    /** IPv6 whose header is followed by {@code n} destination-options headers, then UDP. */
    private static byte[] destinationOptionsChain(int n) {
        byte[] udp = Frames.udp("2001:db8::1", 1, "2001:db8::2", 2).transport();
        ByteBuffer b = ByteBuffer.allocate(IP + 40 + 8 * n + udp.length);
        b.put(new byte[12]).putShort((short) 0x86dd);
        b.putInt(0x60000000).putShort((short) (8 * n + udp.length)).put((byte) 60).put((byte) 64).put(new byte[32]);
        for (int i = 0; i < n; i++) {
            b.put((byte) (i == n - 1 ? 17 : 60)).put(new byte[] {0, 1, 4, 0, 0, 0, 0});
        }
        return b.put(udp).array();
    }

    @ParameterizedTest
    @EnumSource(MalformedReason.class)
    void eachReasonIsCountedAndNothingElse(MalformedReason reason) {
        Case c = CASES.get(reason);
        assertThat(c).as("a frame for %s", reason).isNotNull();
        DecodeCounters counters = new DecodeCounters();
        DecodeStatus s = new FrameDecoder(counters).decode(c.bytes(), 0, c.capLen(), c.wireLen(), c.linkType(), 0, new PacketView());
        assertThat(s).isEqualTo(DecodeStatus.MALFORMED);
        assertThat(counters.malformed(reason)).isEqualTo(1);
        assertThat(counters.malformedTotal()).isEqualTo(1);
    }

    @Test
    void counterNamesAreDistinctAndLowerCaseDotted() {
        Set<String> names = new HashSet<>();
        for (MalformedReason r : MalformedReason.values()) {
            assertThat(r.counterName()).matches("[a-z0-9]+\\.[a-z0-9_]+");
            assertThat(names.add(r.counterName())).as(r.counterName()).isTrue();
        }
    }

    @Test
    void theChainJustWithinTheLimitDecodes() {
        byte[] f = destinationOptionsChain(15);
        assertThat(new FrameDecoder(new DecodeCounters()).decode(f, 0, f.length, f.length, LinkType.ETHERNET, 0, new PacketView()))
                .isEqualTo(DecodeStatus.PACKET);
    }
}
