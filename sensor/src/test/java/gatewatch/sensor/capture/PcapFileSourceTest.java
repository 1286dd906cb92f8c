package gatewatch.sensor.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gatewatch.features.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PcapFileSourceTest {
    @TempDir
    Path tmp;

    /**
     * Frame counts are MANIFEST.md's (capinfos) and agree with {@code tcpdump --count}; link types
     * are the files' header values. tcpdump-ppp-ip-udp-dns.pcap is listed as "PPP (9)" in the
     * manifest, but its header says 50 (LINKTYPE_PPP_HDLC, which tcpdump calls PPP_SERIAL).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "normal/zeek-ftp-ipv4.pcap, 95, 1",
            "normal/visakhsuku-http-1010-connections.pcapng, 10100, 1",
            "normal/ndpi-alexa-app.pcapng, 3103, 1",
            "attack/nmap-syn-portscan.pcapng, 2011, 1",
            "attack/stopddos-synflood-spoofed.pcap, 37841, 1",
            "attack/icmp-flood-synthetic-rawip.pcap, 500, 228",
            "odd/pcapng-multi-interface.pcapng, 6, 1",
            "odd/linux-sll-mixed-ipv4-ipv6.pcap, 100, 113",
            "odd/tcpdump-mptcp-v1-linux-sll.pcap, 20, 113",
            "odd/tcpdump-tcp-handshake-nanosecond.pcap, 3, 113",
            "odd/linux-sll2-tcp.pcap, 5, 276",
            "odd/rawip4-tcp-flow.pcap, 7, 228",
            "odd/tcpdump-LINKTYPE_IPV4.pcap, 1, 228",
            "odd/tcpdump-quic-handshake-null-loopback.pcap, 18, 0",
            "odd/tcpdump-nflog.pcap, 4, 239",
            "odd/tcpdump-ppp-ip-udp-dns.pcap, 1, 50",
            "odd/vlan-8021q-http.pcap, 14, 1",
            "odd/qinq-8021ad.pcap, 5, 1",
            "bench/benchmark-merged-ethernet-A.pcap, 98933, 1",
    })
    void readsEveryFrameWithTheFilesLinkType(String relative, long frames, int linkType) throws Exception {
        Path file = SharedData.require("pcaps/" + relative);
        FrameRecorder got = new FrameRecorder();
        try (PcapFileSource source = PcapFileSource.open(file)) {
            assertThat(source.linkType()).isEqualTo(linkType);
            assertThat(source.run(got)).isEqualTo(frames);
            assertThat(source.stats()).isEqualTo(new CaptureStats(frames, 0, 0));
            assertThat(source.name()).isEqualTo(file.toString());
        }
        assertThat(got.size()).isEqualTo(frames);
        assertThat(got.frames).allSatisfy(f -> {
            assertThat(f.linkType()).isEqualTo(linkType);
            assertThat(f.wireLen()).isGreaterThanOrEqualTo(f.capLen());
        });
    }

    /** Expected values from {@code tcpdump -tt --nano} and tshark's frame.time_epoch. */
    @Test
    void nanosecondFileTimestampsAreExact() throws Exception {
        FrameRecorder got = readAll(SharedData.require("pcaps/odd/tcpdump-tcp-handshake-nanosecond.pcap"));
        assertThat(got.timestamps()).containsExactly(1418145369_924505488L, 1418145370_052027262L, 1418145370_052115157L);
        assertThat(got.frames).extracting(FrameRecorder.Frame::capLen).containsExactly(76, 76, 68);
    }

    /** Microsecond files are scaled: {@code tcpdump -tt} prints 1329843161.968492 for the first frame. */
    @Test
    void microsecondFileTimestampsAreScaledToNanoseconds() throws Exception {
        FrameRecorder got = readAll(SharedData.require("pcaps/normal/zeek-ftp-ipv4.pcap"));
        assertThat(got.timestamps().subList(0, 2)).containsExactly(1329843161_968492000L, 1329843162_024025000L);
    }

    /** Interface 0 of this pcapng stamps in nanoseconds, interface 1 in microseconds (tshark). */
    @Test
    void pcapngInterfacesWithDifferentResolutionsKeepTheirPrecision() throws Exception {
        FrameRecorder got = readAll(SharedData.require("pcaps/odd/pcapng-multi-interface.pcapng"));
        assertThat(got.timestamps()).containsExactly(1767663089_500330493L, 1767663089_514291940L,
                1767663437_111897000L, 1767663437_126460000L, 1767663437_128303000L, 1767663437_140942000L);
        assertThat(got.frames).extracting(FrameRecorder.Frame::capLen).containsExactly(96, 214, 70, 166, 70, 182);
    }

    /** tshark: frame.cap_len 353, frame.len 62293 (the record was cut at a snaplen). */
    @Test
    void capturedAndWireLengthsDiffer() throws Exception {
        FrameRecorder got = readAll(SharedData.require("pcaps/odd/tcpdump-ppp-ip-udp-dns.pcap"));
        assertThat(got.get(0).capLen()).isEqualTo(353);
        assertThat(got.get(0).wireLen()).isEqualTo(62293);
        assertThat(got.get(0).tsNanos()).isEqualTo(2142662398_999999000L);
    }

    @Test
    void deliversTheRecordsBytesLengthsAndTimestampsExactly() throws Exception {
        List<PcapWriter.Record> records = List.of(
                new PcapWriter.Record(1_700_000_000_123456789L, bytes(60, 1), 60),
                new PcapWriter.Record(1_700_000_001_000000001L, bytes(40, 2), 1514),
                new PcapWriter.Record(1_700_000_002_999999999L, new byte[0], 0),
                new PcapWriter.Record(1_700_000_003_000000000L, bytes(1500, 3), 1500));
        Path nano = PcapWriter.write(tmp.resolve("nano.pcap"), true, 1, 65535, records);
        FrameRecorder got = readAll(nano);
        assertThat(got.size()).isEqualTo(4);
        for (int i = 0; i < records.size(); i++) {
            PcapWriter.Record want = records.get(i);
            assertThat(got.get(i).bytes()).isEqualTo(want.data());
            assertThat(got.get(i).capLen()).isEqualTo(want.data().length);
            assertThat(got.get(i).wireLen()).isEqualTo(want.wireLen());
            assertThat(got.get(i).tsNanos()).isEqualTo(want.tsNanos());
        }
        Path micro = PcapWriter.write(tmp.resolve("micro.pcap"), false, 1, 65535, records);
        assertThat(readAll(micro).timestamps()).containsExactly(
                1_700_000_000_123456000L, 1_700_000_001_000000000L, 1_700_000_002_999999000L, 1_700_000_003_000000000L);
    }

    /** The handler contract promises wireLen >= capLen; a record claiming less is raised to capLen. */
    @Test
    void wireLengthBelowCapturedLengthIsRaisedToIt() throws Exception {
        Path file = PcapWriter.write(tmp.resolve("short-wire.pcap"), true, 1, 65535,
                List.of(new PcapWriter.Record(1_000_000_000L, bytes(80, 7), 20)));
        FrameRecorder got = readAll(file);
        assertThat(got.get(0).capLen()).isEqualTo(80);
        assertThat(got.get(0).wireLen()).isEqualTo(80);
    }

    /** libpcap reports LINKTYPE_RAW (101) files as DLT_RAW (12 on Linux); the source gives back 101. */
    @Test
    void rawIpFilesReportTheFileLinkType() throws Exception {
        Path file = PcapWriter.write(tmp.resolve("raw.pcap"), false, 101, 65535,
                List.of(new PcapWriter.Record(1_000_000_000L, bytes(20, 0x45), 20)));
        try (PcapFileSource source = PcapFileSource.open(file)) {
            assertThat(source.linkType()).isEqualTo(LinkTypes.LINKTYPE_RAW);
        }
    }

    /** A header snaplen of 0 means "no limit" to libpcap (it uses 262144): a jumbo frame arrives whole. */
    @Test
    void aZeroSnaplenHeaderStillDeliversWholeFrames() throws Exception {
        Path file = PcapWriter.write(tmp.resolve("big.pcap"), false, 1, 0,
                List.of(new PcapWriter.Record(1_000_000_000L, bytes(9000, 9), 9000)));
        FrameRecorder got = readAll(file);
        assertThat(got.get(0).bytes()).isEqualTo(bytes(9000, 9));
    }

    @Test
    void stopFromTheHandlerEndsTheRunAndLaterRunsReturnAtOnce() throws Exception {
        Path file = SharedData.require("pcaps/normal/zeek-ftp-ipv4.pcap");
        try (PcapFileSource source = PcapFileSource.open(file)) {
            long[] seen = {0};
            long delivered = source.run((buf, off, cap, wire, lt, ts) -> {
                if (++seen[0] == 10) {
                    source.stop();
                }
            });
            assertThat(delivered).isEqualTo(10);
            assertThat(source.run((buf, off, cap, wire, lt, ts) -> seen[0]++)).isZero();
            assertThat(seen[0]).isEqualTo(10);
        }
    }

    @Test
    void anExceptionFromTheHandlerPropagatesUnchanged() throws Exception {
        Path file = SharedData.require("pcaps/normal/zeek-ftp-ipv4.pcap");
        IllegalStateException boom = new IllegalStateException("boom");
        try (PcapFileSource source = PcapFileSource.open(file)) {
            assertThatThrownBy(() -> source.run((buf, off, cap, wire, lt, ts) -> {
                throw boom;
            })).isSameAs(boom);
            assertThat(source.stats().received()).isEqualTo(1);
        }
    }

    @Test
    void aMissingFileCannotBeOpened() {
        Path missing = tmp.resolve("missing.pcap");
        assertThatThrownBy(() -> PcapFileSource.open(missing))
                .isInstanceOfSatisfying(CaptureOpenException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CaptureOpenException.Kind.FILE);
                    assertThat(e.source()).isEqualTo(missing.toString());
                })
                .hasMessage("cannot open capture file " + missing + ": No such file or directory");
    }

    @Test
    void aFileThatIsNotACaptureCannotBeOpened() throws IOException {
        Path text = Files.writeString(tmp.resolve("notes.pcap"), "this is not a capture file\n");
        assertThatThrownBy(() -> PcapFileSource.open(text))
                .isInstanceOf(CaptureOpenException.class)
                .hasMessage("cannot open capture file " + text + ": at byte 0: unknown file format");
    }

    @Test
    void aDirectoryCannotBeOpened() {
        assertThatThrownBy(() -> PcapFileSource.open(tmp))
                .isInstanceOf(CaptureOpenException.class)
                .hasMessage("cannot open capture file " + tmp + ": error reading dump file: Is a directory");
    }

    @Test
    void anEmptyFileOrATruncatedHeaderCannotBeOpened() throws IOException {
        Path empty = Files.write(tmp.resolve("empty.pcap"), new byte[0]);
        assertThatThrownBy(() -> PcapFileSource.open(empty))
                .isInstanceOf(CaptureOpenException.class)
                .hasMessageStartingWith("cannot open capture file " + empty + ": ");
        byte[] header = Files.readAllBytes(SharedData.require("pcaps/normal/zeek-ftp-ipv4.pcap"));
        Path cut = Files.write(tmp.resolve("cut-header.pcap"), java.util.Arrays.copyOf(header, 10));
        assertThatThrownBy(() -> PcapFileSource.open(cut))
                .isInstanceOf(CaptureOpenException.class)
                .hasMessageContaining("truncated");
    }

    /** The FFM calls go to the libpcap JNA loaded, not a second copy. */
    @Test
    void onlyOneLibpcapIsMappedInTheProcess() throws Exception {
        try (PcapFileSource source = PcapFileSource.open(SharedData.require("pcaps/odd/rawip4-tcp-flow.pcap"))) {
            source.run(new FrameRecorder());
        }
        try (Stream<String> maps = Files.lines(Path.of("/proc/self/maps"))) {
            List<String> libs = maps.filter(l -> l.contains("libpcap"))
                    .map(l -> l.substring(l.lastIndexOf(' ') + 1)).distinct().toList();
            assertThat(libs).hasSize(1);
        }
    }

    private static FrameRecorder readAll(Path file) throws CaptureException {
        FrameRecorder got = new FrameRecorder();
        try (PcapFileSource source = PcapFileSource.open(file)) {
            source.run(got);
        }
        return got;
    }

    static byte[] bytes(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (seed * 31 + i);
        }
        return b;
    }
}
