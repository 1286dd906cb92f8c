package gatewatch.features.decode;

import static org.assertj.core.api.Assertions.assertThat;

import gatewatch.features.testing.CaptureFiles;
import gatewatch.features.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every capture in {@code shared/pcaps/odd} (one per odd link type or format) decodes as
 * tshark reads it: the expected values in {@code odd-expected.csv} were derived from tshark's
 * output, as that file's header says, not from this decoder.
 */
class OddCapturesTest {
    private static final String TABLE = "odd-expected.csv";

    static Stream<Arguments> rows() {
        return ExpectedTable.read(TABLE).stream().map(row -> Arguments.of(row.get("file"), row));
    }

    /** What the decoder made of a capture, in the terms of the table. */
    private static final class Tally {
        final DecodeCounters counters = new DecodeCounters();
        final FrameDecoder decoder = new FrameDecoder(counters);
        final PacketView v = new PacketView();
        final Set<Integer> linkTypes = new HashSet<>();
        final Set<String> flows = new HashSet<>();
        long tcp, udp, icmp, icmpv6, ipv4, ipv6, srcPorts, dstPorts, payload;
        String first = "";

        void frame(byte[] b, int off, int capLen, int wireLen, int linkType, long ts) {
            linkTypes.add(linkType);
            if (decoder.decode(b, off, capLen, wireLen, linkType, ts, v) != DecodeStatus.PACKET) {
                return;
            }
            String transport = switch (v.protocol()) {
                case PacketView.PROTO_TCP -> { tcp++; payload += v.payloadWireLength(); yield "tcp"; }
                case PacketView.PROTO_UDP -> { udp++; payload += v.payloadWireLength(); yield "udp"; }
                case PacketView.PROTO_ICMP -> { icmp++; yield "icmp"; }
                default -> { icmpv6++; yield "icmpv6"; }
            };
            if (v.isIpv4()) {
                ipv4++;
            } else {
                ipv6++;
            }
            srcPorts += v.srcPort();
            dstPorts += v.dstPort();
            String tuple = transport + " " + address(v.srcHi(), v.srcLo(), v.isIpv4()) + " " + v.srcPort() + " "
                    + address(v.dstHi(), v.dstLo(), v.isIpv4()) + " " + v.dstPort();
            flows.add(tuple);
            if (first.isEmpty()) {
                first = tuple;
            }
        }
    }

    /** Dotted quad, or IPv6 with every group written out in four digits (as Python's ipaddress "exploded"). */
    static String address(long hi, long lo, boolean ipv4) {
        if (ipv4) {
            return (lo >>> 24 & 0xff) + "." + (lo >>> 16 & 0xff) + "." + (lo >>> 8 & 0xff) + "." + (lo & 0xff);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            long half = i < 4 ? hi : lo;
            sb.append(i == 0 ? "" : ":").append(String.format("%04x", half >>> (48 - 16 * (i % 4)) & 0xffff));
        }
        return sb.toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void decodesAsTsharkReadsIt(String file, Map<String, String> row) throws IOException {
        Path path = SharedData.require("pcaps/odd/" + file);
        Tally t = new Tally();
        int frames = CaptureFiles.read(path, t::frame);

        assertThat(t.linkTypes).containsExactly(Integer.parseInt(row.get("link_type")));
        assertThat(t.decoder.supportsLinkType(Integer.parseInt(row.get("link_type")))).isTrue();
        assertThat(frames).isEqualTo(Integer.parseInt(row.get("frames")));
        assertThat(t.counters.packets()).as("packets").isEqualTo(Long.parseLong(row.get("packets")));
        assertThat(new long[] {t.tcp, t.udp, t.icmp, t.icmpv6}).as("tcp, udp, icmp, icmpv6").containsExactly(
                Long.parseLong(row.get("tcp")), Long.parseLong(row.get("udp")),
                Long.parseLong(row.get("icmp")), Long.parseLong(row.get("icmpv6")));
        assertThat(new long[] {t.ipv4, t.ipv6}).as("ipv4, ipv6")
                .containsExactly(Long.parseLong(row.get("ipv4")), Long.parseLong(row.get("ipv6")));
        assertThat(t.srcPorts).as("sum of source ports").isEqualTo(Long.parseLong(row.get("sum_src_port")));
        assertThat(t.dstPorts).as("sum of destination ports").isEqualTo(Long.parseLong(row.get("sum_dst_port")));
        assertThat(t.payload).as("sum of TCP and UDP payload").isEqualTo(Long.parseLong(row.get("sum_payload")));
        assertThat(t.flows).as("distinct flows").hasSize(Integer.parseInt(row.get("flows")));
        assertThat(t.first).as("first packet").isEqualTo(row.get("first"));
        // These are well-formed captures: whatever is not a packet is ARP or skipped, never malformed.
        assertThat(t.counters.malformedTotal()).isZero();
        assertThat(t.counters.skippedTotal() + t.counters.arp()).isEqualTo(frames - t.counters.packets());
    }

    @Test
    void everyOddCaptureHasARow() throws IOException {
        Path dir = SharedData.require("pcaps/odd");
        List<String> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertThat(ExpectedTable.read(TABLE).stream().map(r -> r.get("file")).sorted().toList()).isEqualTo(files);
    }

    @Test
    void ipv4FragmentsWithoutTheirLastFragmentAreHeldThenExpired() throws IOException {
        // Five 1,480-byte fragments of one TCP datagram (id 0x4bc5), every one with MF set
        // (tshark: ip.flags.mf = 1 on all five): the last fragment was never captured.
        Tally t = new Tally();
        CaptureFiles.read(SharedData.require("pcaps/odd/ipv4-fragments.pcap"), t::frame);
        assertThat(t.counters.skipped(SkipReason.FRAGMENT_HELD)).isEqualTo(5);
        assertThat(t.decoder.fragmentDatagramsInFlight()).isEqualTo(1);
        t.decoder.flushFragments();
        assertThat(t.counters.fragments(FragmentCounter.FRAGMENTS)).isEqualTo(5);
        assertThat(t.counters.fragments(FragmentCounter.EXPIRED)).isEqualTo(1);
        assertThat(t.counters.fragments(FragmentCounter.WRONG_FRAGMENTS)).isZero();
    }

    @Test
    void teardropCaptureGivesOneUdpPacketWithWrongFragments() throws IOException {
        // shared/pcaps/attack/teardrop.pcap, frames 8-9 (tshark -o ip.defragment:FALSE):
        // 10.1.1.1:31915 -> 129.111.30.27:20197 UDP, id 0xf2: 36 bytes at offset 0 with MF, then
        // 4 bytes at offset 24 without MF. KDD: teardrop = udp, src_bytes 28, wrong_fragment > 0.
        Tally t = new Tally();
        List<CaptureFiles.Frame> frames = CaptureFiles.readAll(SharedData.require("pcaps/attack/teardrop.pcap"));
        for (int i = 0; i < frames.size(); i++) {
            CaptureFiles.Frame f = frames.get(i);
            DecodeStatus s = t.decoder.decode(f.data(), 0, f.capLen(), f.wireLen(), f.linkType(), f.tsNanos(), t.v);
            if (i == 7) {
                assertThat(s).isEqualTo(DecodeStatus.SKIPPED);
            }
            if (i == 8) {
                assertThat(s).isEqualTo(DecodeStatus.PACKET);
                assertThat(t.v.isUdp()).isTrue();
                assertThat(address(t.v.srcHi(), t.v.srcLo(), true)).isEqualTo("10.1.1.1");
                assertThat(t.v.srcPort()).isEqualTo(31915);
                assertThat(t.v.dstPort()).isEqualTo(20197);
                assertThat(t.v.payloadWireLength()).isEqualTo(28);
                assertThat(t.v.reassembled()).isFalse();
                assertThat(t.v.wrongFragments()).isEqualTo(2);
            }
        }
        assertThat(t.counters.packets()).isEqualTo(5);
        assertThat(t.counters.fragments(FragmentCounter.DELIVERED_WRONG)).isEqualTo(1);
    }
}
