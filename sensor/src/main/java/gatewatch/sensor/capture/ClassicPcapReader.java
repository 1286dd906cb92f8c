package gatewatch.sensor.capture;

import gatewatch.features.decode.FrameHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;

/**
 * Reads the plain case of a classic pcap file in Java: little-endian, version 2.4, a link type
 * libpcap hands over unchanged. Such a file is a 24-byte header and records of a 16-byte header
 * and the frame, so reading it is a loop over a buffer, and a frame is handed on where it lies.
 *
 * <p>Why not libpcap, as for every other file: a whole-process replay spends a good part of its
 * capture thread in {@code pcap_next_ex} through FFM and in the header reads around it while the
 * JIT has not compiled them yet (the loop runs once per file, so only on-stack replacement
 * compiles it), and opening the file through pcap4j loads JNA first (issue 15).
 *
 * <p>Whatever is not the plain case is left to libpcap, so that its behaviour and its messages
 * stay the reference: {@link #open} returns null for any other file (pcapng, big-endian, another
 * version, a link type libpcap rewrites or with FCS bits, a file it cannot read), and
 * {@link #readUntilIdle} returns {@link #HANDOVER} at the first record that is not plain (a
 * captured length above the snapshot length, a file cut short): the caller reads on with
 * libpcap from that record ({@link #records()} are behind it).
 *
 * <p>Capture thread only, except {@link #requestStop()}.
 */
final class ClassicPcapReader implements AutoCloseable {
    /** {@link #readUntilIdle} result: the next record is for libpcap to read. */
    static final int HANDOVER = Integer.MIN_VALUE + 1;

    static final int MAGIC_MICROS = 0xa1b2c3d4;
    static final int MAGIC_NANOS = 0xa1b23c4d;
    static final int FILE_HEADER = 24;
    static final int RECORD_HEADER = 16;
    /** libpcap's MAXIMUM_SNAPLEN: the snapshot length of a header that says 0 or more. */
    static final int MAXIMUM_SNAPLEN = 262_144;
    /**
     * Link types whose frames libpcap passes through as stored (it rewrites pseudo-headers of USB,
     * NFLOG and CAN-over-SLL frames, and maps a few types to other DLT values): Ethernet, raw IP,
     * IPv4, IPv6, Linux cooked v1 and v2.
     */
    static final Set<Integer> PLAIN_LINK_TYPES = Set.of(1, 101, 228, 229, 113, 276);

    private static final int BUFFER = 1 << 20;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final FileChannel channel;
    private final ByteBuffer window;
    /** The window's backing array: records are parsed here, frames copied out of it. */
    private final byte[] buf;
    private final int linkType;
    private final int snaplen;
    private final long fractionToNanos;
    /** Parse position and end of the bytes read, in {@link #buf}. */
    private int pos;
    private int limit;
    private boolean eof;
    /** A read failed: libpcap, reading on from the record in hand, meets the error and reports it. */
    private boolean failed;
    private long records;
    private volatile boolean stopRequested;

    private ClassicPcapReader(FileChannel channel, int linkType, int snaplen, boolean nanos) {
        this.channel = channel;
        this.buf = new byte[BUFFER];
        this.window = ByteBuffer.wrap(buf);
        this.linkType = linkType;
        this.snaplen = snaplen;
        this.fractionToNanos = nanos ? 1 : 1000;
    }

    /** A reader positioned at the first record, or null when the file is for libpcap. */
    static ClassicPcapReader open(Path file) {
        FileChannel ch;
        try {
            ch = FileChannel.open(file, StandardOpenOption.READ);
        } catch (IOException | RuntimeException e) {
            return null;
        }
        try {
            ByteBuffer h = ByteBuffer.allocate(FILE_HEADER).order(ByteOrder.LITTLE_ENDIAN);
            while (h.hasRemaining() && ch.read(h) > 0) {
                // read the whole header
            }
            if (h.hasRemaining()) {
                ch.close();
                return null;
            }
            int magic = h.getInt(0);
            int linkField = h.getInt(20);
            boolean plain = (magic == MAGIC_MICROS || magic == MAGIC_NANOS) && h.getShort(4) == 2 && h.getShort(6) == 4
                    && PLAIN_LINK_TYPES.contains(linkField);
            if (!plain) {
                ch.close();
                return null;
            }
            int snap = h.getInt(16);
            // As libpcap adjusts it: 0 or above the maximum means the maximum.
            int snaplen = snap <= 0 || snap > MAXIMUM_SNAPLEN ? MAXIMUM_SNAPLEN : snap;
            return new ClassicPcapReader(ch, linkField, snaplen, magic == MAGIC_NANOS);
        } catch (IOException | RuntimeException e) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // libpcap will open it again and say what is wrong
            }
            return null;
        }
    }

    int linkType() {
        return linkType;
    }

    /** Records delivered so far: libpcap, taking over, skips as many. */
    long records() {
        return records;
    }

    void requestStop() {
        stopRequested = true;
    }

    /**
     * Delivers frames until the end of the file, a stop, or a record for libpcap.
     *
     * @return {@link NativePcap#NEXT_BREAK} at the end of the file, {@link FrameReader#STOPPED},
     *     or {@link #HANDOVER}
     */
    int readUntilIdle(FrameHandler handler) {
        final byte[] b = buf;
        final int lt = linkType;
        final int snap = snaplen;
        final long scale = fractionToNanos;
        while (!stopRequested) {
            if (limit - pos < RECORD_HEADER && !fill(RECORD_HEADER)) {
                return limit == pos && !failed ? NativePcap.NEXT_BREAK : HANDOVER;
            }
            int p = pos;
            // Signed, as libpcap reads them (its struct pcap_timeval has bpf_int32 fields): a second
            // from 2038-01-19 on is before 1970 to libpcap, and so here, so that every reader of a
            // file gives the same records.
            long seconds = i32(b, p);
            long fraction = i32(b, p + 4);
            int capLen = i32(b, p + 8);
            int wireLen = i32(b, p + 12);
            // Unsigned: a length of 2^31 or more is negative here, and above the snapshot length either way.
            if (capLen < 0 || capLen > snap) {
                return HANDOVER;
            }
            if (limit - p < RECORD_HEADER + capLen && !fill(RECORD_HEADER + capLen)) {
                return HANDOVER;
            }
            p = pos;
            pos = p + RECORD_HEADER + capLen;
            records++;
            // The frame is handed over where it lies in the buffer, not copied: the handler may
            // read it only during the call (FrameHandler), and the buffer changes only in fill().
            // As FrameReader: the handler's contract is wireLen >= capLen.
            handler.onFrame(b, p + RECORD_HEADER, capLen, Math.max(wireLen, capLen), lt,
                    seconds * NANOS_PER_SECOND + fraction * scale);
        }
        return FrameReader.STOPPED;
    }

    /** Reads until {@code need} bytes from {@link #pos} are in the buffer; false at the end of the file. */
    private boolean fill(int need) {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        try {
            while (limit < need && !eof) {
                window.limit(buf.length).position(limit);
                int n = channel.read(window);
                if (n < 0) {
                    eof = true;
                } else {
                    limit += n;
                }
            }
        } catch (IOException e) {
            failed = true;
            return false;
        }
        return limit >= need;
    }

    private static int i32(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF) << 16 | b[i + 3] << 24;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
