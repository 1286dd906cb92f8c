package gatewatch.sensor.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A capture refused at open names the byte where its structure stops holding together. */
class OpenDamageLocatorTest {
    @TempDir
    Path tmp;

    private static ByteBuffer block(ByteOrder order, int type, int trailer, byte[] body) {
        int length = 12 + body.length;
        ByteBuffer b = ByteBuffer.allocate(length).order(order);
        b.putInt(type).putInt(length).put(body).putInt(trailer);
        return b.flip();
    }

    private static byte[] shbBody(ByteOrder order) {
        return ByteBuffer.allocate(16).order(order).putInt(0x1A2B3C4D).putShort((short) 1).putShort((short) 0)
                .putLong(-1).array();
    }

    private static byte[] idbBody(ByteOrder order) {
        return ByteBuffer.allocate(8).order(order).putShort((short) 1).putShort((short) 0).putInt(65535).array();
    }

    private Path pcapng(ByteOrder order, int idbTrailer) throws IOException {
        ByteBuffer shb = block(order, 0x0A0D0D0A, 28, shbBody(order));
        ByteBuffer idb = block(order, 1, idbTrailer, idbBody(order));
        byte[] bytes = new byte[shb.remaining() + idb.remaining()];
        shb.get(bytes, 0, 28);
        idb.get(bytes, 28, 20);
        return Files.write(tmp.resolve("c-" + order + "-" + idbTrailer + ".pcapng"), bytes);
    }

    @Test
    void aPcapngBlockWhoseTrailerDisagreesIsNamedByItsOffset() throws IOException {
        for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
            Path bad = pcapng(order, 24);
            assertThat(OpenDamageLocator.locate(bad)).as("%s", order).isEqualTo(28);
            assertThatThrownBy(() -> PcapFileSource.open(bad))
                    .isInstanceOf(CaptureOpenException.class)
                    .hasMessageContaining(bad.toString())
                    .hasMessageContaining("at byte 28: ");
            // The same file with a sound trailer holds together as far as open reads.
            assertThat(OpenDamageLocator.locate(pcapng(order, 20))).as("%s sound", order).isEqualTo(-1);
        }
    }

    @Test
    void aPcapngWithABadByteOrderMagicIsNamedAtTheMagic() throws IOException {
        Path file = pcapng(ByteOrder.LITTLE_ENDIAN, 20);
        byte[] bytes = Files.readAllBytes(file);
        bytes[8] ^= 0x55;
        Files.write(file, bytes);
        assertThat(OpenDamageLocator.locate(file)).isEqualTo(8);
    }

    @Test
    void aClassicPcapCutInsideItsHeaderIsNamedAtItsEnd() throws IOException {
        byte[] header = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN).putInt(0xa1b2c3d4).array();
        Path file = Files.write(tmp.resolve("cut.pcap"), header);
        assertThat(OpenDamageLocator.locate(file)).isEqualTo(10);
        assertThatThrownBy(() -> PcapFileSource.open(file)).isInstanceOf(CaptureOpenException.class)
                .hasMessageContaining("at byte 10: ");
    }

    @Test
    void aMissingFileNamesNoOffset() {
        Path missing = tmp.resolve("missing.pcap");
        assertThatThrownBy(() -> PcapFileSource.open(missing)).isInstanceOf(CaptureOpenException.class)
                .hasMessageNotContaining("at byte");
    }
}
