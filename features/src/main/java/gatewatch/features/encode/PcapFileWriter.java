package gatewatch.features.encode;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes a classic pcap file: nanosecond magic {@code a1b23c4d}, version 2.4, Ethernet link type,
 * little-endian, through one fixed buffer, so a file of any size needs no more memory than that.
 */
public final class PcapFileWriter implements Closeable {
    public static final int MAGIC_NANOS = 0xa1b2_3c4d;
    public static final int LINKTYPE_ETHERNET = 1;
    public static final int SNAPLEN = 262_144;
    private static final int HEADER = 24;
    private static final int RECORD_HEADER = 16;
    private static final int BUFFER = 1 << 20;

    private final FileChannel channel;
    private final ByteBuffer out = ByteBuffer.allocateDirect(BUFFER).order(ByteOrder.LITTLE_ENDIAN);
    private long frames;
    private long bytes;

    private PcapFileWriter(FileChannel channel) {
        this.channel = channel;
    }

    /** Creates (or truncates) {@code file} and writes the file header. */
    public static PcapFileWriter create(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        PcapFileWriter w = new PcapFileWriter(channel);
        w.out.putInt(MAGIC_NANOS).putShort((short) 2).putShort((short) 4)
                .putInt(0).putInt(0).putInt(SNAPLEN).putInt(LINKTYPE_ETHERNET);
        w.bytes = HEADER;
        return w;
    }

    /** Appends one frame, captured whole, stamped {@code tsNanos} since the epoch. */
    public void write(long tsNanos, byte[] frame, int length) throws IOException {
        if (out.remaining() < RECORD_HEADER + length) {
            drain();
        }
        out.putInt((int) (tsNanos / 1_000_000_000L)).putInt((int) (tsNanos % 1_000_000_000L))
                .putInt(length).putInt(length).put(frame, 0, length);
        frames++;
        bytes += RECORD_HEADER + length;
    }

    public long frames() {
        return frames;
    }

    /** File size so far, header included. */
    public long bytes() {
        return bytes;
    }

    @Override
    public void close() throws IOException {
        try (channel) {
            drain();
        }
    }

    private void drain() throws IOException {
        out.flip();
        while (out.hasRemaining()) {
            channel.write(out);
        }
        out.clear();
    }
}
