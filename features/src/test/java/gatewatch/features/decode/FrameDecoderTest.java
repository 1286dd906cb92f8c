package gatewatch.features.decode;

import static org.assertj.core.api.Assertions.assertThat;

import gatewatch.features.encode.Frames;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FrameDecoderTest {
    private final DecodeCounters counters = new DecodeCounters();
    private final FrameDecoder decoder = new FrameDecoder(counters);
    private final PacketView v = new PacketView();

    private DecodeStatus decode(byte[] frame, int linkType) {
        return decoder.decode(frame, 0, frame.length, frame.length, linkType, 1_000_000_123L, v);
    }

    @Test
    void ipv4TcpSynOverEthernet() {
        byte[] f = Frames.tcp("10.0.0.1", 40000, "10.0.0.2", 80).flags(Frames.SYN).seq(4242).ethernet();
        assertThat(decode(f, LinkType.ETHERNET)).isEqualTo(DecodeStatus.PACKET);
        assertThat(v.ipVersion()).isEqualTo(4);
        assertThat(v.srcLo()).isEqualTo(0x0000_ffff_0a00_0001L);
        assertThat(v.dstLo()).isEqualTo(0x0000_ffff_0a00_0002L);
        assertThat(v.srcPort()).isEqualTo(40000);
        assertThat(v.dstPort()).isEqualTo(80);
        assertThat(v.hasFlag(PacketView.TCP_SYN)).isTrue();
        assertThat(v.seq()).isEqualTo(4242);
        assertThat(v.payloadWireLength()).isZero();
        assertThat(v.tsNanos()).isEqualTo(1_000_000_123L);
    }

    @Test
    void ipv6UdpPayloadLength() {
        byte[] f = Frames.udp("2001:db8::1", 5353, "2001:db8::2", 53).payloadLength(33).ethernet();
        assertThat(decode(f, LinkType.ETHERNET)).isEqualTo(DecodeStatus.PACKET);
        assertThat(v.ipVersion()).isEqualTo(6);
        assertThat(v.srcHi()).isEqualTo(0x2001_0db8_0000_0000L);
        assertThat(v.srcLo()).isEqualTo(1L);
        assertThat(v.payloadWireLength()).isEqualTo(33);
        assertThat(v.payloadCapLength()).isEqualTo(33);
    }

    @Test
    void snappedFrameKeepsDeclaredPayloadLength() {
        byte[] f = Frames.tcp("10.0.0.1", 1, "10.0.0.2", 2).payloadLength(1000).ethernet();
        int snap = 14 + 20 + 20 + 10;
        DecodeStatus s = decoder.decode(f, 0, snap, f.length, LinkType.ETHERNET, 0, v);
        assertThat(s).isEqualTo(DecodeStatus.PACKET);
        assertThat(v.payloadWireLength()).isEqualTo(1000);
        assertThat(v.payloadCapLength()).isEqualTo(10);
    }

    @Test
    void truncatedIpv4IsCountedNotThrown() {
        byte[] f = Frames.tcp("10.0.0.1", 1, "10.0.0.2", 2).ethernet();
        byte[] cut = Arrays.copyOf(f, 14 + 12);
        assertThat(decode(cut, LinkType.ETHERNET)).isEqualTo(DecodeStatus.MALFORMED);
        assertThat(counters.malformed(MalformedReason.IPV4_PKT_TOO_SMALL)).isEqualTo(1);
    }

    @Test
    void ipTotalLengthBeyondTheWireIsMalformed() {
        byte[] f = Frames.udp("10.0.0.1", 1, "10.0.0.2", 2).payloadLength(20).ethernet();
        f[14 + 2] = 0x10; // total length 4096+
        assertThat(decode(f, LinkType.ETHERNET)).isEqualTo(DecodeStatus.MALFORMED);
        assertThat(counters.malformed(MalformedReason.IPV4_TRUNC_PKT)).isEqualTo(1);
    }

    @Test
    void ethernetIpv4ArpIsDecodedIntoTheArpView() {
        byte[] f = new byte[42];
        f[12] = 0x08;
        f[13] = 0x06;
        byte[] arp = {0, 1, 8, 0, 6, 4, 0, 2, 0, (byte) 0xe0, 0x4d, 0x3c, 0x25, 0x7b, 10, 0, 0, (byte) 153,
            (byte) 0xb0, 0x7f, (byte) 0xb9, 0x4e, (byte) 0xf0, (byte) 0x9c, 10, 0, 0, (byte) 157};
        System.arraycopy(arp, 0, f, 14, arp.length);
        assertThat(decode(f, LinkType.ETHERNET)).isEqualTo(DecodeStatus.ARP);
        ArpView a = decoder.arp();
        assertThat(a.op()).isEqualTo(ArpView.OP_REPLY);
        assertThat(a.senderMac()).isEqualTo(0x00e0_4d3c_257bL);
        assertThat(a.senderIp()).isEqualTo(0x0a00_0099);
        assertThat(a.targetMac()).isEqualTo(0xb07f_b94e_f09cL);
        assertThat(a.targetIp()).isEqualTo(0x0a00_009d);
        assertThat(a.gratuitous()).isFalse();
        assertThat(a.tsNanos()).isEqualTo(1_000_000_123L);
        assertThat(counters.arp()).isOne();
        assertThat(counters.packets()).isZero();

        byte[] cut = Arrays.copyOf(f, 14 + 27);
        assertThat(decode(cut, LinkType.ETHERNET)).isEqualTo(DecodeStatus.MALFORMED);
        assertThat(counters.malformed(MalformedReason.ARP_TRUNCATED)).isOne();
    }

    @Test
    void arpOfAnotherKindIsSkippedAsNotIp() {
        byte[] f = new byte[42];
        f[12] = 0x08;
        f[13] = 0x06;
        assertThat(decode(f, LinkType.ETHERNET)).isEqualTo(DecodeStatus.SKIPPED);
        assertThat(counters.skipped(SkipReason.NOT_IP)).isEqualTo(1);
    }

    @Test
    void rawIpv4LinkType() {
        byte[] ip = Frames.icmp("192.0.2.1", "192.0.2.2", 8, 0).payloadLength(56).ip();
        assertThat(decode(ip, LinkType.IPV4)).isEqualTo(DecodeStatus.PACKET);
        assertThat(v.icmpType()).isEqualTo(8);
        assertThat(v.payloadWireLength()).isEqualTo(56);
    }

    @Test
    void tcpOptionsCutByTheSnapLengthStillDecode() {
        byte[] f = Frames.tcp("10.0.0.1", 1, "10.0.0.2", 2).flags(Frames.SYN).ethernet();
        byte[] withOptions = Arrays.copyOf(f, f.length + 20);
        withOptions[14 + 3] += 20; // IP total length covers 20 bytes of options
        withOptions[14 + 20 + 12] = (byte) (10 << 4);
        int snap = 14 + 20 + 20 + 8;
        assertThat(decoder.decode(withOptions, 0, snap, withOptions.length, LinkType.ETHERNET, 0, v))
                .isEqualTo(DecodeStatus.PACKET);
        assertThat(v.hasFlag(PacketView.TCP_SYN)).isTrue();
        assertThat(v.payloadWireLength()).isZero();
        assertThat(v.payloadCapLength()).isZero();
    }
}
