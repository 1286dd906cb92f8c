package gatewatch.features.decode;

import static org.assertj.core.api.Assertions.assertThat;

import gatewatch.features.encode.Frames;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One link decoder at a time, on frames built here. */
class LinkDecodersTest {
    private static final int ETHERTYPE_ARP = 0x0806;

    private final DecodeCounters counters = new DecodeCounters();
    private final FrameDecoder decoder = new FrameDecoder(counters);
    private final PacketView v = new PacketView();

    private final byte[] tcp4 = Frames.tcp("10.0.0.1", 40000, "10.0.0.2", 80).flags(Frames.SYN).payloadLength(5).ip();
    private final byte[] udp6 = Frames.udp("2001:db8::1", 5353, "2001:db8::2", 53).payloadLength(7).ip();

    private DecodeStatus decode(byte[] frame, int linkType) {
        return decoder.decode(frame, 0, frame.length, frame.length, linkType, 0, v);
    }

    private void assertTcp4() {
        assertThat(v.ipVersion()).isEqualTo(4);
        assertThat(v.isTcp()).isTrue();
        assertThat(v.srcPort()).isEqualTo(40000);
        assertThat(v.dstPort()).isEqualTo(80);
        assertThat(v.payloadWireLength()).isEqualTo(5);
    }

    private void assertUdp6() {
        assertThat(v.ipVersion()).isEqualTo(6);
        assertThat(v.isUdp()).isTrue();
        assertThat(v.srcPort()).isEqualTo(5353);
        assertThat(v.dstPort()).isEqualTo(53);
        assertThat(v.payloadWireLength()).isEqualTo(7);
    }

    @Test
    void ethernetWithStackedVlanTags() {
        byte[] plain = Frames.tcp("10.0.0.1", 40000, "10.0.0.2", 80).payloadLength(5).ethernet();
        for (int[] tags : new int[][] {{}, {0x8100}, {0x88a8, 0x8100}, {0x9100, 0x8100}, {0x88a8, 0x88a8, 0x8100, 0x8100}}) {
            assertThat(decode(Frames.vlan(plain, tags), LinkType.ETHERNET)).as(Arrays.toString(tags)).isEqualTo(DecodeStatus.PACKET);
            assertTcp4();
            assertThat(v.l3Offset()).isEqualTo(14 + 4 * tags.length);
        }
    }

    @Test
    void vlanStackDeeperThanFollowedIsMalformed() {
        byte[] plain = Frames.tcp("10.0.0.1", 40000, "10.0.0.2", 80).ethernet();
        assertThat(decode(Frames.vlan(plain, 0x8100, 0x8100, 0x8100, 0x8100, 0x8100), LinkType.ETHERNET))
                .isEqualTo(DecodeStatus.MALFORMED);
        assertThat(counters.malformed(MalformedReason.VLAN_TOO_DEEP)).isEqualTo(1);
    }

    @Test
    void linuxCookedV1() {
        assertThat(decode(Frames.sll(tcp4, 0x0800), LinkType.LINUX_SLL)).isEqualTo(DecodeStatus.PACKET);
        assertTcp4();
        assertThat(v.l3Offset()).isEqualTo(16);
        assertThat(decode(Frames.sll(udp6, 0x86dd), LinkType.LINUX_SLL)).isEqualTo(DecodeStatus.PACKET);
        assertUdp6();
        assertThat(decode(Frames.sll(new byte[28], ETHERTYPE_ARP), LinkType.LINUX_SLL)).isEqualTo(DecodeStatus.SKIPPED);
        assertThat(counters.skipped(SkipReason.NOT_IP)).isEqualTo(1);
    }

    @Test
    void linuxCookedV1WithAVlanTagLeftIn() {
        byte[] tagged = new byte[4 + tcp4.length];
        tagged[2] = 0x08;
        System.arraycopy(tcp4, 0, tagged, 4, tcp4.length);
        assertThat(decode(Frames.sll(tagged, 0x8100), LinkType.LINUX_SLL)).isEqualTo(DecodeStatus.PACKET);
        assertTcp4();
    }

    @Test
    void linuxCookedV2() {
        assertThat(decode(Frames.sll2(tcp4, 0x0800), LinkType.LINUX_SLL2)).isEqualTo(DecodeStatus.PACKET);
        assertTcp4();
        assertThat(v.l3Offset()).isEqualTo(20);
        assertThat(decode(Frames.sll2(udp6, 0x86dd), LinkType.LINUX_SLL2)).isEqualTo(DecodeStatus.PACKET);
        assertUdp6();
    }

    @ParameterizedTest
    @ValueSource(ints = {24, 28, 30})
    void bsdNullInBothByteOrdersWithEachSystemsInet6(int inet6) {
        for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
            assertThat(decode(Frames.loopback(tcp4, 2, order), LinkType.NULL)).isEqualTo(DecodeStatus.PACKET);
            assertTcp4();
            assertThat(decode(Frames.loopback(udp6, inet6, order), LinkType.NULL)).isEqualTo(DecodeStatus.PACKET);
            assertUdp6();
        }
    }

    @Test
    void openBsdLoopInNetworkOrder() {
        assertThat(decode(Frames.loopback(tcp4, 2, ByteOrder.BIG_ENDIAN), LinkType.LOOP)).isEqualTo(DecodeStatus.PACKET);
        assertTcp4();
        assertThat(decode(Frames.loopback(udp6, 24, ByteOrder.BIG_ENDIAN), LinkType.LOOP)).isEqualTo(DecodeStatus.PACKET);
        assertUdp6();
    }

    @Test
    void nullWithAnotherFamilyIsNotIp() {
        assertThat(decode(Frames.loopback(tcp4, 7, ByteOrder.LITTLE_ENDIAN), LinkType.NULL)).isEqualTo(DecodeStatus.SKIPPED);
        assertThat(counters.skipped(SkipReason.NOT_IP)).isEqualTo(1);
    }

    @Test
    void nflogPayloadTlvInEitherByteOrder() {
        for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
            assertThat(decode(Frames.nflog(tcp4, 2, order), LinkType.NFLOG)).as(order.toString()).isEqualTo(DecodeStatus.PACKET);
            assertTcp4();
            assertThat(v.l3Offset()).isEqualTo(4 + 8 + 4);
            assertThat(decode(Frames.nflog(udp6, 10, order), LinkType.NFLOG)).isEqualTo(DecodeStatus.PACKET);
            assertUdp6();
        }
    }

    @Test
    void nflogPayloadEndsTheIpPacketEvenWhenTheRecordGoesOn() {
        byte[] f = Arrays.copyOf(Frames.nflog(tcp4, 2, ByteOrder.LITTLE_ENDIAN), 200);
        assertThat(decode(f, LinkType.NFLOG)).isEqualTo(DecodeStatus.PACKET);
        assertTcp4();
    }

    @Test
    void nflogWithoutPayloadCarriesNoPacket() {
        byte[] f = Frames.nflog(tcp4, 2, ByteOrder.LITTLE_ENDIAN);
        f[12 + 2] = 8; // the payload TLV's type becomes NFULA_TIMESTAMP
        assertThat(decode(f, LinkType.NFLOG)).isEqualTo(DecodeStatus.SKIPPED);
        assertThat(counters.skipped(SkipReason.LINK_NO_PACKET)).isEqualTo(1);
    }

    @Test
    void pppInEveryFraming() {
        for (boolean hdlc : new boolean[] {true, false}) {
            for (boolean compressed : new boolean[] {true, false}) {
                assertThat(decode(Frames.ppp(tcp4, 0x21, hdlc, compressed), LinkType.PPP)).isEqualTo(DecodeStatus.PACKET);
                assertTcp4();
                assertThat(decode(Frames.ppp(udp6, 0x57, hdlc, compressed), LinkType.PPP_HDLC)).isEqualTo(DecodeStatus.PACKET);
                assertUdp6();
            }
        }
    }

    @Test
    void pppControlProtocolIsNotIp() {
        assertThat(decode(Frames.ppp(new byte[10], 0xc021, true, false), LinkType.PPP)).isEqualTo(DecodeStatus.SKIPPED);
        assertThat(counters.skipped(SkipReason.NOT_IP)).isEqualTo(1);
    }

    @Test
    void rawIpByVersionNibbleOrByDeclaredFamily() {
        for (int raw : new int[] {LinkType.RAW, LinkType.RAW_12, LinkType.RAW_14}) {
            assertThat(decode(tcp4, raw)).isEqualTo(DecodeStatus.PACKET);
            assertTcp4();
            assertThat(decode(udp6, raw)).isEqualTo(DecodeStatus.PACKET);
            assertUdp6();
        }
        assertThat(decode(udp6, LinkType.IPV6)).isEqualTo(DecodeStatus.PACKET);
        assertUdp6();
        assertThat(decode(tcp4, LinkType.IPV6)).isEqualTo(DecodeStatus.MALFORMED);
        assertThat(counters.malformed(MalformedReason.IPV6_WRONG_VERSION)).isEqualTo(1);
    }

    @Test
    void everyLinkTypeConstantHasADecoder() {
        for (int t : new int[] {LinkType.NULL, LinkType.ETHERNET, LinkType.PPP, LinkType.RAW_12, LinkType.RAW_14,
                LinkType.PPP_HDLC, LinkType.RAW, LinkType.LOOP, LinkType.LINUX_SLL, LinkType.IPV4, LinkType.IPV6,
                LinkType.NFLOG, LinkType.LINUX_SLL2}) {
            assertThat(decoder.supportsLinkType(t)).as("link type %d", t).isTrue();
        }
        assertThat(decoder.supportsLinkType(105)).isFalse();
        assertThat(decoder.supportsLinkType(-1)).isFalse();
        assertThat(decoder.supportsLinkType(100_000)).isFalse();
    }

    @Test
    void randomBytesOnEveryLinkTypeNeverThrow() {
        java.util.Random r = new java.util.Random(42);
        int[] types = {0, 1, 9, 12, 14, 50, 101, 108, 113, 228, 229, 239, 276, 105, 0xffff};
        for (int i = 0; i < 200_000; i++) {
            byte[] f = new byte[r.nextInt(120)];
            r.nextBytes(f);
            if (f.length > 20 && r.nextBoolean()) {
                // Mostly-valid prefixes reach the deeper layers.
                System.arraycopy(tcp4, 0, f, 0, Math.min(20, f.length));
            }
            int wire = f.length + (r.nextBoolean() ? 0 : r.nextInt(100));
            decoder.decode(f, 0, f.length, wire, types[r.nextInt(types.length)], r.nextLong(), v);
        }
        assertThat(counters.frames()).isEqualTo(200_000);
        assertThat(counters.packets() + counters.skippedTotal() + counters.malformedTotal()).isEqualTo(200_000);
    }
}
