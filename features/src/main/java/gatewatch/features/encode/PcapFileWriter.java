package gatewatch.features.encode;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes a classic pcap file, little-endian, version 2.4, through one fixed buffer, so a file of
 * any size needs no more memory than that. The synthesizer writes its captures with it
 * (nanosecond magic {@code a1b23c4d}, Ethernet); tests also write microsecond files, other link
 * types and records whose wire length differs from what was captured. The one pcap writer of
 * the project, in features' main code for the reason {@link Frames} gives.
 */
public final class PcapFileWriter implements Closeable {
    public static final int MAGIC_NANOS = 0xa1b2_3c4d;
    public static final int MAGIC_MICROS = 0xa1b2_c3d4;
    public static final int LINKTYPE_ETHERNET = 1;
    public static final int SNAPLEN = 262_144;
    private static final int HEADER = 24;
    private static final int RECORD_HEADER = 16;
    private static final int BUFFER = 1 << 20;

    private final FileChannel channel;
    private final ByteBuffer out = ByteBuffer.allocateDirect(BUFFER).order(ByteOrder.LITTLE_ENDIAN);
    private final boolean nanos;
    private long frames;
    private long bytes;

    private PcapFileWriter(FileChannel channel, boolean nanos) {
        this.channel = channel;
        this.nanos = nanos;
    }

    /** Creates (or truncates) {@code file} for Ethernet frames with nanosecond stamps, and writes the file header. */
    public static PcapFileWriter create(Path file) throws IOException {
        return create(file, true, LINKTYPE_ETHERNET, SNAPLEN);
    }

    /**
     * Creates (or truncates) {@code file} and writes the file header.
     *
     * @param nanos    nanosecond stamps ({@code a1b23c4d}) or microsecond ones ({@code a1b2c3d4})
     * @param linkType the LINKTYPE_ value of every record
     * @param snaplen  the header's snapshot length (not enforced: a test may write longer records)
     */
    public static PcapFileWriter create(Path file, boolean nanos, int linkType, int snaplen) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        PcapFileWriter w = new PcapFileWriter(channel, nanos);
        w.out.putInt(nanos ? MAGIC_NANOS : MAGIC_MICROS).putShort((short) 2).putShort((short) 4)
                .putInt(0).putInt(0).putInt(snaplen).putInt(linkType);
        w.bytes = HEADER;
        return w;
    }

    /** Appends one frame, captured whole, stamped {@code tsNanos} since the epoch. */
    public void write(long tsNanos, byte[] frame, int length) throws IOException {
        write(tsNanos, frame, 0, length, length);
    }

    /**
     * Appends {@code frame[offset, offset+capLen)} as a record of a frame that was {@code wireLen}
     * bytes long on the wire; microsecond files keep the stamp's whole microseconds.
     */
    public void write(long tsNanos, byte[] frame, int offset, int capLen, int wireLen) throws IOException {
        if (out.remaining() < RECORD_HEADER + capLen) {
            drain();
        }
        long fraction = tsNanos % 1_000_000_000L;
        out.putInt((int) (tsNanos / 1_000_000_000L)).putInt((int) (nanos ? fraction : fraction / 1000))
                .putInt(capLen).putInt(wireLen);
        if (out.remaining() >= capLen) {
            out.put(frame, offset, capLen);
        } else {
            // A record larger than the buffer: behind its header, straight to the file.
            drain();
            ByteBuffer whole = ByteBuffer.wrap(frame, offset, capLen);
            while (whole.hasRemaining()) {
                channel.write(whole);
            }
        }
        frames++;
        bytes += RECORD_HEADER + capLen;
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
