package gatewatch.sensor.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import gatewatch.features.testing.BundledCapture;
import gatewatch.features.testing.SharedData;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged copies of a shared capture, made in a temp dir. What libpcap 1.10 does, and so what the
 * source does: a record cut short (in its header or its data) is an error, not a quiet end of
 * file; a file cut exactly between records is a valid shorter file. In every case the frames before
 * the damage are delivered, and the offset named is where the bad record starts.
 */
class DamagedCaptureFileTest {
    /** The bundled capture (no ../shared needed): 473 records, the 11th (index 10) starts at byte 2622 and holds 1,066 bytes. */
    private static final int DAMAGED_RECORD = 10;

    @TempDir
    Path tmp;

    private byte[] original;
    private long damagedAt;
    private FrameRecorder intact;

    @BeforeEach
    void readTheIntactFile() throws Exception {
        Path file = BundledCapture.PCAP.copyTo(tmp);
        original = Files.readAllBytes(file);
        damagedAt = PcapWriter.recordOffsets(original).get(DAMAGED_RECORD);
        intact = new FrameRecorder();
        try (PcapFileSource source = PcapFileSource.open(file)) {
            source.run(intact);
        }
        assertThat(intact.size()).isEqualTo(BundledCapture.FRAMES);
        assertThat(damagedAt).isEqualTo(2622);
    }

    @Test
    void aRecordCutInItsDataIsReportedAfterTheGoodFrames() throws Exception {
        Path cut = write("cut-in-data.pcap", Arrays.copyOf(original, (int) damagedAt + 16 + 5));
        FrameRecorder got = new FrameRecorder();
        DamagedCaptureException e = readExpectingDamage(cut, got);
        assertThat(e.getMessage()).isEqualTo("capture file " + cut
                + " unreadable from byte offset 2622, after 10 frames:"
                + " truncated dump file; tried to read 1066 captured bytes, only got 5");
        assertGoodFramesDelivered(got, e);
    }

    @Test
    void aRecordCutInItsHeaderIsReportedAfterTheGoodFrames() throws Exception {
        Path cut = write("cut-in-header.pcap", Arrays.copyOf(original, (int) damagedAt + 7));
        FrameRecorder got = new FrameRecorder();
        DamagedCaptureException e = readExpectingDamage(cut, got);
        assertThat(e.reason()).isEqualTo("truncated dump file; tried to read 16 header bytes, only got 7");
        assertGoodFramesDelivered(got, e);
    }

    @Test
    void aFileCutBetweenRecordsIsAShorterValidFile() throws Exception {
        Path cut = write("cut-between.pcap", Arrays.copyOf(original, (int) damagedAt));
        FrameRecorder got = new FrameRecorder();
        try (PcapFileSource source = PcapFileSource.open(cut)) {
            assertThat(source.run(got)).isEqualTo(DAMAGED_RECORD);
        }
    }

    @Test
    void anImpossibleCapturedLengthIsReportedWithTheRecordsOffset() throws Exception {
        byte[] damaged = original.clone();
        ByteBuffer.wrap(damaged).order(ByteOrder.LITTLE_ENDIAN).putInt((int) damagedAt + 8, 0x7fff_ffff);
        Path file = write("huge-caplen.pcap", damaged);
        FrameRecorder got = new FrameRecorder();
        DamagedCaptureException e = readExpectingDamage(file, got);
        assertThat(e.reason()).isEqualTo("invalid packet capture length 2147483647, bigger than snaplen of 262144");
        assertGoodFramesDelivered(got, e);
    }

    /** pcapng: visakhsuku-http-1010-connections.pcapng cut in half, and a block with a bad length. */
    @Test
    void damagedPcapngBlocksAreReportedToo() throws Exception {
        byte[] ng = Files.readAllBytes(SharedData.require("pcaps/normal/visakhsuku-http-1010-connections.pcapng"));
        Path half = write("half.pcapng", Arrays.copyOf(ng, ng.length / 2));
        DamagedCaptureException cut = readExpectingDamage(half, new FrameRecorder());
        // tcpdump -r half.pcapng: 5049 packets, then the same message.
        assertThat(cut.framesDelivered()).isEqualTo(5049);
        assertThat(cut.offset()).isEqualTo(743_516);
        assertThat(cut.reason()).startsWith("truncated pcapng dump file");

        // The 11th Enhanced Packet Block starts at 1728; claim it is 12 bytes long.
        byte[] bad = ng.clone();
        ByteBuffer.wrap(bad).order(ByteOrder.LITTLE_ENDIAN).putInt(1728 + 4, 12);
        DamagedCaptureException block = readExpectingDamage(write("bad-block.pcapng", bad), new FrameRecorder());
        assertThat(block.framesDelivered()).isEqualTo(10);
        assertThat(block.offset()).isEqualTo(1728);
        assertThat(block.reason()).isEqualTo("block total length in header and trailer don't match");
    }

    /**
     * Not damage but a limit of libpcap: a pcapng whose second interface has another link type
     * (Wireshark writes these when capturing on several interfaces). Frames up to that interface
     * are delivered, and the error names where it starts.
     */
    @Test
    void aPcapngMixingLinkTypesIsReadUpToTheSecondLinkType() throws Exception {
        Path file = tmp.resolve("mixed.pcapng");
        List<Long> idbs = PcapWriter.writePcapng(file, List.of(
                new PcapWriter.Interface(1, new PcapWriter.Record(1_600_000_000_000_001_000L, PcapFileSourceTest.bytes(60, 1), 60)),
                new PcapWriter.Interface(113, new PcapWriter.Record(1_600_000_001_000_000_000L, PcapFileSourceTest.bytes(44, 2), 44))));
        FrameRecorder got = new FrameRecorder();
        DamagedCaptureException e = readExpectingDamage(file, got);
        assertThat(got.size()).isEqualTo(1);
        assertThat(got.get(0).bytes()).isEqualTo(PcapFileSourceTest.bytes(60, 1));
        assertThat(got.get(0).tsNanos()).isEqualTo(1_600_000_000_000_001_000L);
        assertThat(e.offset()).isEqualTo(idbs.get(1));
        assertThat(e.reason()).isEqualTo("an interface has a type 113 different from the type of the first interface");
    }

    /** A record header claiming 4 MiB, found in the wild; tcpdump also reads 2 frames, then fails. */
    @Test
    void theSharedCorruptedFileStopsAtOffset130() throws Exception {
        Path file = SharedData.require("pcaps/malformed/natural-corrupted-huge-caplen.pcap");
        FrameRecorder got = new FrameRecorder();
        DamagedCaptureException e = readExpectingDamage(file, got);
        assertThat(got.size()).isEqualTo(2);
        assertThat(e.framesDelivered()).isEqualTo(2);
        assertThat(e.offset()).isEqualTo(130);
        assertThat(e.file()).isEqualTo(file);
        assertThat(e.getMessage()).isEqualTo("capture file " + file
                + " unreadable from byte offset 130, after 2 frames:"
                + " invalid packet capture length 4194304, bigger than snaplen of 262144");
    }

    private DamagedCaptureException readExpectingDamage(Path file, FrameRecorder got) throws CaptureOpenException {
        try (PcapFileSource source = PcapFileSource.open(file)) {
            DamagedCaptureException e = catchThrowableOfType(DamagedCaptureException.class, () -> source.run(got));
            assertThat(e).as("damage in " + file).isNotNull();
            assertThat(e.getMessage()).doesNotContain("\n");
            assertThat(source.stats().received()).isEqualTo(e.framesDelivered());
            return e;
        }
    }

    private void assertGoodFramesDelivered(FrameRecorder got, DamagedCaptureException e) {
        assertThat(e.offset()).isEqualTo(damagedAt);
        assertThat(e.framesDelivered()).isEqualTo(DAMAGED_RECORD);
        assertThat(got.size()).isEqualTo(DAMAGED_RECORD);
        List<FrameRecorder.Frame> before = intact.frames.subList(0, DAMAGED_RECORD);
        for (int i = 0; i < DAMAGED_RECORD; i++) {
            assertThat(got.get(i).bytes()).isEqualTo(before.get(i).bytes());
            assertThat(got.get(i).tsNanos()).isEqualTo(before.get(i).tsNanos());
        }
    }

    private Path write(String name, byte[] content) throws java.io.IOException {
        return Files.write(tmp.resolve(name), content);
    }
}
