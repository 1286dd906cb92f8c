package gatewatch.sensor.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gatewatch.features.testing.BundledCapture;
import gatewatch.features.testing.SharedData;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java reader of plain classic pcap files delivers what libpcap delivers (bytes, lengths, link
 * type, timestamps), and where a file is not plain, libpcap reads on from the record in hand, so
 * damaged files end as they did with libpcap alone (same frames, same reason, same offset).
 */
class ClassicPcapReaderTest {
    @TempDir
    Path tmp;

    /** What a source delivered, and how it ended: null, or the message of the damage. */
    private record Read(List<FrameRecorder.Frame> frames, String damage) {
    }

    private static Read read(PcapFileSource source) {
        FrameRecorder got = new FrameRecorder();
        String damage = null;
        try (source) {
            source.run(got);
            assertThat(source.stats().received()).isEqualTo(got.size());
        } catch (CaptureException e) {
            // The message names the file, the offset, the frames delivered and libpcap's reason.
            damage = e.getMessage();
        }
        return new Read(got.frames, damage);
    }

    private static void sameAsLibpcap(Path file, boolean javaExpected) throws CaptureException {
        try (PcapFileSource probe = PcapFileSource.open(file)) {
            assertThat(probe.readsInJava()).as("read in Java: %s", file).isEqualTo(javaExpected);
        }
        Read java = read(PcapFileSource.open(file));
        Read libpcap = read(PcapFileSource.openWithLibpcap(file));
        assertThat(java.damage()).as("how %s ends", file).isEqualTo(libpcap.damage());
        assertThat(java.frames()).as("frames of %s", file).hasSameSizeAs(libpcap.frames());
        for (int i = 0; i < java.frames().size(); i++) {
            FrameRecorder.Frame a = java.frames().get(i);
            FrameRecorder.Frame b = libpcap.frames().get(i);
            assertThat(a.bytes()).as("frame %d", i).isEqualTo(b.bytes());
            assertThat(List.of(a.capLen(), a.wireLen(), a.linkType())).as("frame %d", i)
                    .isEqualTo(List.of(b.capLen(), b.wireLen(), b.linkType()));
            assertThat(a.tsNanos()).as("frame %d", i).isEqualTo(b.tsNanos());
        }
    }

    private static List<PcapWriter.Record> records(int n, int maxLen, long seed) {
        Random r = new Random(seed);
        List<PcapWriter.Record> out = new ArrayList<>();
        long t = 1_700_000_000_000_000_000L;
        for (int i = 0; i < n; i++) {
            byte[] data = new byte[r.nextInt(maxLen + 1)];
            r.nextBytes(data);
            t += r.nextInt(2_000_000_000);
            out.add(new PcapWriter.Record(t, data, data.length + r.nextInt(3) * 700));
        }
        return out;
    }

    @Test
    void theBundledCaptureIsReadInJavaExactlyAsLibpcapReadsIt() throws Exception {
        sameAsLibpcap(BundledCapture.PCAP.copyTo(tmp), true);
    }

    @Test
    void theSharedBenchmarkCaptureIsReadInJavaExactlyAsLibpcapReadsIt() throws Exception {
        sameAsLibpcap(SharedData.require("pcaps/bench/benchmark-merged-ethernet-A.pcap"), true);
    }

    /** Records larger than the read buffer's remainder, and across many refills. */
    @Test
    void microAndNanosecondFilesOfManyRecordsAcrossBufferRefills() throws Exception {
        List<PcapWriter.Record> recs = records(3000, 2000, 1);
        sameAsLibpcap(PcapWriter.write(tmp.resolve("micro.pcap"), false, 1, 65535, recs), true);
        sameAsLibpcap(PcapWriter.write(tmp.resolve("nano.pcap"), true, 101, 0, recs), true);
        List<PcapWriter.Record> big = records(40, 262_144, 2);
        sameAsLibpcap(PcapWriter.write(tmp.resolve("big.pcap"), true, 1, 262_144, big), true);
    }

    /**
     * libpcap reads a record's seconds and fraction as signed 32-bit values: a file time-shifted
     * past 2038-01-19 (issue 15's a20.pcap) has frames before 1970 to it, and so to the Java reader.
     */
    @Test
    void secondsFrom2038OnAreReadAsLibpcapReadsThem() throws Exception {
        List<PcapWriter.Record> recs = List.of(
                new PcapWriter.Record(2_147_483_647_000_000_000L, new byte[60], 60),
                new PcapWriter.Record(2_147_483_648_000_000_000L, new byte[60], 60),
                new PcapWriter.Record(3_676_000_000_999_999_000L, new byte[60], 60));
        sameAsLibpcap(PcapWriter.write(tmp.resolve("after-2038-micro.pcap"), false, 1, 65535, recs), true);
        sameAsLibpcap(PcapWriter.write(tmp.resolve("after-2038-nano.pcap"), true, 1, 65535, recs), true);
        FrameRecorder got = new FrameRecorder();
        try (PcapFileSource s = PcapFileSource.open(tmp.resolve("after-2038-nano.pcap"))) {
            s.run(got);
        }
        assertThat(got.timestamps()).containsExactly(2_147_483_647_000_000_000L, -2_147_483_648_000_000_000L,
                (3_676_000_000L - (1L << 32)) * 1_000_000_000L + 999_999_000L);
    }

    @Test
    void aFileCutShortAnywhereEndsAsWithLibpcap() throws Exception {
        byte[] whole = Files.readAllBytes(PcapWriter.write(tmp.resolve("w.pcap"), false, 1, 65535, records(30, 300, 3)));
        List<Long> starts = PcapWriter.recordOffsets(whole);
        Path cut = tmp.resolve("cut.pcap");
        for (long start : starts.subList(1, starts.size())) {
            for (int into : new int[] {-1, 0, 1, 7, 15, 16, 17}) {
                int length = (int) start + into;
                if (length > 24 && length < whole.length) {
                    Files.write(cut, Arrays.copyOf(whole, length));
                    sameAsLibpcap(cut, true);
                }
            }
        }
    }

    /** libpcap cuts a record longer than the snapshot length, or refuses it above 256 KiB: it reads those. */
    @Test
    void recordsLongerThanTheSnapshotLengthAreLeftToLibpcap() throws Exception {
        List<PcapWriter.Record> recs = new ArrayList<>(records(10, 100, 4));
        recs.add(5, new PcapWriter.Record(1_800_000_000_000_000_000L, new byte[300], 300));
        sameAsLibpcap(PcapWriter.write(tmp.resolve("over-snaplen.pcap"), false, 1, 200, recs), true);
        recs.set(5, new PcapWriter.Record(1_800_000_000_000_000_000L, new byte[262_145], 262_145));
        sameAsLibpcap(PcapWriter.write(tmp.resolve("over-maximum.pcap"), false, 1, 0, recs), true);
    }

    @Test
    void otherFilesAreLibpcapsFromTheStart() throws Exception {
        List<PcapWriter.Record> recs = records(20, 200, 5);
        // NFLOG: libpcap rewrites the pseudo-header of a byte-swapped file; it reads every such file.
        sameAsLibpcap(PcapWriter.write(tmp.resolve("nflog.pcap"), false, 239, 65535, recs), false);
        Path bigEndian = tmp.resolve("big-endian.pcap");
        Files.write(bigEndian, bigEndian(Files.readAllBytes(PcapWriter.write(tmp.resolve("le.pcap"), false, 1, 65535, recs))));
        sameAsLibpcap(bigEndian, false);
        PcapWriter.writePcapng(tmp.resolve("one.pcapng"), List.of(new PcapWriter.Interface(1, recs.getFirst())));
        sameAsLibpcap(tmp.resolve("one.pcapng"), false);
    }

    @Test
    void aFileThatIsNoCaptureIsRefusedByLibpcapAsBefore() throws IOException {
        Path text = Files.writeString(tmp.resolve("notes.pcap"), "not a capture file at all, just words");
        assertThatThrownBy(() -> PcapFileSource.open(text)).isInstanceOf(CaptureOpenException.class);
        assertThatThrownBy(() -> PcapFileSource.open(tmp.resolve("missing.pcap"))).isInstanceOf(CaptureOpenException.class);
    }

    /** The same file written big-endian: every header field byte-swapped, the frames as they are. */
    private static byte[] bigEndian(byte[] le) {
        ByteBuffer in = ByteBuffer.wrap(le).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer out = ByteBuffer.allocate(le.length).order(ByteOrder.BIG_ENDIAN);
        out.putInt(in.getInt()).putShort(in.getShort()).putShort(in.getShort());
        for (int i = 0; i < 4; i++) {
            out.putInt(in.getInt());
        }
        while (in.hasRemaining()) {
            out.putInt(in.getInt()).putInt(in.getInt());
            int capLen = in.getInt();
            out.putInt(capLen).putInt(in.getInt());
            byte[] data = new byte[capLen];
            in.get(data);
            out.put(data);
        }
        return out.array();
    }
}
