package gatewatch.features.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gatewatch.features.testing.CaptureFiles.DamagedCaptureException;
import gatewatch.features.testing.CaptureFiles.Frame;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaptureFilesTest {
    @TempDir
    Path dir;

    @Test
    void classicPcapInBothByteOrdersAndBothResolutions() throws IOException {
        for (ByteOrder order : List.of(ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN)) {
            for (boolean nanos : new boolean[] {false, true}) {
                Pcap p = new Pcap(order, nanos, 113);
                p.record(1_600_000_000L, 123, new byte[] {1, 2, 3}, 60);
                p.record(1_600_000_001L, 0, new byte[] {4}, 1);
                List<Frame> frames = CaptureFiles.readAll(p.write(dir.resolve(order + "-" + nanos + ".pcap")));
                assertThat(frames).hasSize(2);
                assertThat(frames.getFirst().data()).containsExactly(1, 2, 3);
                assertThat(frames.getFirst().wireLen()).isEqualTo(60);
                assertThat(frames.getFirst().linkType()).isEqualTo(113);
                assertThat(frames.getFirst().tsNanos()).isEqualTo(1_600_000_000_000_000_000L + (nanos ? 123 : 123_000));
                assertThat(frames.get(1).tsNanos()).isEqualTo(1_600_000_001_000_000_000L);
            }
        }
    }

    @Test
    void linkTypeWordKeepsOnlyTheLinkTypeNotTheFcsBits() throws IOException {
        Pcap p = new Pcap(ByteOrder.LITTLE_ENDIAN, false, 0x1000_0000 | 1);
        p.record(0, 0, new byte[14], 14);
        assertThat(CaptureFiles.readAll(p.write(dir.resolve("fcs.pcap"))).getFirst().linkType()).isEqualTo(1);
    }

    @Test
    void timestampsPast2038AreUnsigned() throws IOException {
        Pcap p = new Pcap(ByteOrder.LITTLE_ENDIAN, false, 1);
        p.record(0xffff_ff00L, 0, new byte[1], 1);
        assertThat(CaptureFiles.readAll(p.write(dir.resolve("t.pcap"))).getFirst().tsNanos())
                .isEqualTo(0xffff_ff00L * 1_000_000_000L);
    }

    @Test
    void truncatedRecordIsReportedAfterTheFramesBeforeIt() throws IOException {
        Pcap p = new Pcap(ByteOrder.LITTLE_ENDIAN, false, 1);
        p.record(1, 0, new byte[20], 20);
        p.record(2, 0, new byte[20], 20);
        byte[] whole = p.bytes();
        Path cut = Files.write(dir.resolve("cut.pcap"), Arrays.copyOf(whole, whole.length - 5));
        List<Frame> seen = new ArrayList<>();
        assertThatThrownBy(() -> CaptureFiles.read(cut, (b, o, c, w, l, t) -> seen.add(null)))
                .isInstanceOf(DamagedCaptureException.class)
                .hasMessageContaining("offset 60")
                .hasMessageContaining("cut short")
                .satisfies(e -> assertThat(((DamagedCaptureException) e).framesRead()).isEqualTo(1));
        assertThat(seen).hasSize(1);
    }

    @Test
    void recordLongerThanLibpcapAcceptsIsDamage() throws IOException {
        Pcap p = new Pcap(ByteOrder.BIG_ENDIAN, false, 1);
        p.rawRecordHeader(0, 0, CaptureFiles.MAX_RECORD + 1, CaptureFiles.MAX_RECORD + 1);
        assertThatThrownBy(() -> CaptureFiles.readAll(p.write(dir.resolve("huge.pcap"))))
                .isInstanceOf(DamagedCaptureException.class)
                .hasMessageContaining("offset 24")
                .hasMessageContaining("262145");
    }

    @Test
    void notACaptureFile() throws IOException {
        Path f = Files.write(dir.resolve("x.pcap"), "hello world, not a capture".getBytes());
        assertThatThrownBy(() -> CaptureFiles.readAll(f)).isInstanceOf(IOException.class).hasMessageContaining("magic");
        Path tiny = Files.write(dir.resolve("y.pcap"), new byte[] {1});
        assertThatThrownBy(() -> CaptureFiles.readAll(tiny)).isInstanceOf(DamagedCaptureException.class);
    }

    @Test
    void pcapngInterfacesCarryTheirOwnLinkTypeAndResolution() throws IOException {
        for (ByteOrder order : List.of(ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN)) {
            Pcapng n = new Pcapng(order);
            n.section();
            n.iface(1, -1, 0);            // Ethernet, default microseconds
            n.iface(276, 9, 0);           // SLL2, nanoseconds
            n.iface(0, 0x80 | 20, 10);    // NULL, 2^-20 s, +10 s
            n.epb(1, 1_700_000_000_123_456_789L, new byte[] {9, 9}, 100);
            n.epb(0, 1_700_000_000_000_001L, new byte[] {1}, 1);
            n.epb(2, 3L << 20 | 1L << 19, new byte[] {2}, 1);
            n.spb(new byte[] {7, 7, 7});
            n.opb(1, 5_000_000_000L, new byte[] {5}, 1);
            n.block(5, new byte[8]); // interface statistics: skipped
            List<Frame> frames = CaptureFiles.readAll(n.write(dir.resolve(order + ".pcapng")));
            assertThat(frames).extracting(Frame::linkType).containsExactly(276, 1, 0, 1, 276);
            assertThat(frames).extracting(Frame::tsNanos).containsExactly(
                    1_700_000_000_123_456_789L, 1_700_000_000_000_001_000L, 13_500_000_000L,
                    13_500_000_000L, 5_000_000_000L);
            assertThat(frames.getFirst().wireLen()).isEqualTo(100);
            assertThat(frames.get(3).data()).containsExactly(7, 7, 7);
        }
    }

    @Test
    void pcapngDamageIsNamed() throws IOException {
        Pcapng unknownIface = new Pcapng(ByteOrder.LITTLE_ENDIAN);
        unknownIface.section();
        unknownIface.iface(1, -1, 0);
        unknownIface.epb(0, 1, new byte[4], 4);
        unknownIface.epb(3, 2, new byte[4], 4);
        assertThatThrownBy(() -> CaptureFiles.readAll(unknownIface.write(dir.resolve("a.pcapng"))))
                .isInstanceOf(DamagedCaptureException.class).hasMessageContaining("interface 3");

        Pcapng badLength = new Pcapng(ByteOrder.BIG_ENDIAN);
        badLength.section();
        byte[] b = badLength.bytes();
        ByteBuffer.wrap(b).putInt(4, 13);
        Path f = Files.write(dir.resolve("b.pcapng"), b);
        assertThatThrownBy(() -> CaptureFiles.readAll(f)).isInstanceOf(DamagedCaptureException.class)
                .hasMessageContaining("block length 13");

        Pcapng mismatched = new Pcapng(ByteOrder.BIG_ENDIAN);
        mismatched.section();
        mismatched.iface(1, -1, 0);
        byte[] m = mismatched.bytes();
        ByteBuffer.wrap(m).putInt(m.length - 4, 28);
        Path g = Files.write(dir.resolve("c.pcapng"), m);
        assertThatThrownBy(() -> CaptureFiles.readAll(g)).isInstanceOf(DamagedCaptureException.class)
                .hasMessageContaining("trailing length");

        Pcapng capTooLong = new Pcapng(ByteOrder.BIG_ENDIAN);
        capTooLong.section();
        capTooLong.iface(1, -1, 0);
        capTooLong.epb(0, 1, new byte[8], 8);
        byte[] c = capTooLong.bytes();
        int epb = c.length - 40;
        ByteBuffer.wrap(c).putInt(epb + 20, 9);
        Path h = Files.write(dir.resolve("d.pcapng"), c);
        assertThatThrownBy(() -> CaptureFiles.readAll(h)).isInstanceOf(DamagedCaptureException.class)
                .hasMessageContaining("captured bytes");
    }

    @Test
    void sharedMultiInterfacePcapng() throws IOException {
        // Expected values from: tshark -r FILE -T fields -e frame.interface_id -e frame.time_epoch -e frame.len
        List<Frame> frames = CaptureFiles.readAll(SharedData.require("pcaps/odd/pcapng-multi-interface.pcapng"));
        assertThat(frames).hasSize(6);
        assertThat(frames.getFirst().tsNanos()).isEqualTo(1_767_663_089_500_330_493L);
        assertThat(frames.get(2).tsNanos()).isEqualTo(1_767_663_437_111_897_000L);
        assertThat(frames).extracting(Frame::capLen).containsExactly(96, 214, 70, 166, 70, 182);
    }

    @Test
    void sharedNanosecondPcap() throws IOException {
        List<Frame> frames = CaptureFiles.readAll(SharedData.require("pcaps/odd/tcpdump-tcp-handshake-nanosecond.pcap"));
        assertThat(frames).extracting(Frame::tsNanos)
                .containsExactly(1_418_145_369_924_505_488L, 1_418_145_370_052_027_262L, 1_418_145_370_052_115_157L);
    }

    @Test
    void sharedFileDamagedInTheWildReadsLikeLibpcap() throws IOException {
        // tcpdump -r reports two records (the second with caplen 0) and then
        // "invalid packet capture length 4194304, bigger than snaplen of 262144".
        Path f = SharedData.require("pcaps/malformed/natural-corrupted-huge-caplen.pcap");
        int[] frames = {0};
        assertThatThrownBy(() -> CaptureFiles.read(f, (b, o, c, w, l, t) -> frames[0]++))
                .isInstanceOf(DamagedCaptureException.class).hasMessageContaining("4194304");
        assertThat(frames[0]).isEqualTo(2);
    }

    /** Writes classic pcap files. */
    private static final class Pcap {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final ByteOrder order;

        Pcap(ByteOrder order, boolean nanos, int linkType) {
            this.order = order;
            put(ByteBuffer.allocate(24).order(order).putInt(nanos ? 0xa1b23c4d : 0xa1b2c3d4).putShort((short) 2)
                    .putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(linkType));
        }

        void record(long sec, long frac, byte[] data, int wireLen) {
            rawRecordHeader(sec, frac, data.length, wireLen);
            out.writeBytes(data);
        }

        void rawRecordHeader(long sec, long frac, int capLen, int wireLen) {
            put(ByteBuffer.allocate(16).order(order).putInt((int) sec).putInt((int) frac).putInt(capLen).putInt(wireLen));
        }

        private void put(ByteBuffer b) {
            out.writeBytes(b.array());
        }

        byte[] bytes() {
            return out.toByteArray();
        }

        Path write(Path p) throws IOException {
            return Files.write(p, bytes());
        }
    }

    /** Writes pcapng files. */
    private static final class Pcapng {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final ByteOrder order;

        Pcapng(ByteOrder order) {
            this.order = order;
        }

        void section() {
            block(0x0a0d0d0a, ByteBuffer.allocate(16).order(order).putInt(0x1a2b3c4d).putShort((short) 1)
                    .putShort((short) 0).putLong(-1).array());
        }

        /** An IDB; {@code tsresol} below 0 leaves the option out; {@code offset} 0 likewise. */
        void iface(int linkType, int tsresol, long offset) {
            ByteBuffer b = ByteBuffer.allocate(48).order(order);
            b.putShort((short) linkType).putShort((short) 0).putInt(0);
            if (tsresol >= 0) {
                b.putShort((short) 9).putShort((short) 1).put((byte) tsresol).put(new byte[3]);
            }
            if (offset != 0) {
                b.putShort((short) 14).putShort((short) 8).putLong(offset);
            }
            b.putShort((short) 0).putShort((short) 0);
            block(1, Arrays.copyOf(b.array(), b.position()));
        }

        void epb(int iface, long ts, byte[] data, int wireLen) {
            ByteBuffer b = ByteBuffer.allocate(20 + pad(data.length)).order(order);
            b.putInt(iface).putInt((int) (ts >>> 32)).putInt((int) ts).putInt(data.length).putInt(wireLen).put(data);
            block(6, b.array());
        }

        void opb(int iface, long ts, byte[] data, int wireLen) {
            ByteBuffer b = ByteBuffer.allocate(20 + pad(data.length)).order(order);
            b.putShort((short) iface).putShort((short) 0).putInt((int) (ts >>> 32)).putInt((int) ts)
                    .putInt(data.length).putInt(wireLen).put(data);
            block(2, b.array());
        }

        void spb(byte[] data) {
            ByteBuffer b = ByteBuffer.allocate(4 + pad(data.length)).order(order);
            b.putInt(data.length).put(data);
            block(3, b.array());
        }

        void block(int type, byte[] body) {
            int len = 12 + body.length;
            out.writeBytes(ByteBuffer.allocate(8).order(order).putInt(type).putInt(len).array());
            out.writeBytes(body);
            out.writeBytes(ByteBuffer.allocate(4).order(order).putInt(len).array());
        }

        private static int pad(int n) {
            return (n + 3) & ~3;
        }

        byte[] bytes() {
            return out.toByteArray();
        }

        Path write(Path p) throws IOException {
            return Files.write(p, bytes());
        }
    }
}
