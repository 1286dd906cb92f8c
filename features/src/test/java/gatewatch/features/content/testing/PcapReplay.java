package gatewatch.features.content.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * TEMPORARY: a minimal classic-pcap reader for the content tests, until the shared test-scope
 * reader ({@code gatewatch.features.testing.CaptureFiles}) is merged; then these tests switch to it
 * and this class goes. Reads only what the tests need: classic pcap (micro- or nanosecond
 * magic, either byte order), no pcapng.
 */
public final class PcapReplay {
    /** Receives each record of the capture. */
    @FunctionalInterface
    public interface Frames {
        void frame(byte[] buf, int off, int capLen, int wireLen, int linkType, long tsNanos);
    }

    private PcapReplay() {
    }

    public static void replay(Path file, Frames out) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file));
        int magic = b.order(ByteOrder.LITTLE_ENDIAN).getInt(0);
        if (magic != 0xa1b2c3d4 && magic != 0xa1b23c4d) {
            b.order(ByteOrder.BIG_ENDIAN);
            magic = b.getInt(0);
        }
        if (magic != 0xa1b2c3d4 && magic != 0xa1b23c4d) {
            throw new IOException(file + ": not a classic pcap file");
        }
        long fractionNanos = magic == 0xa1b23c4d ? 1 : 1000;
        int linkType = b.getInt(20) & 0x0fffffff;
        int pos = 24;
        byte[] buf = b.array();
        while (pos + 16 <= buf.length) {
            long sec = b.getInt(pos) & 0xffffffffL;
            long frac = b.getInt(pos + 4) & 0xffffffffL;
            int capLen = b.getInt(pos + 8);
            int wireLen = b.getInt(pos + 12);
            pos += 16;
            if (capLen < 0 || pos + capLen > buf.length) {
                throw new IOException(file + ": truncated record at offset " + (pos - 16));
            }
            out.frame(buf, pos, capLen, wireLen, linkType, sec * 1_000_000_000L + frac * fractionNanos);
            pos += capLen;
        }
    }
}
