package gatewatch.sensor.capture;

import gatewatch.features.decode.FrameHandler;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.Pcaps;

/**
 * One capture file (pcap or pcapng, any link type libpcap reads), read with nanosecond timestamps:
 * microsecond files are scaled, nanosecond files are exact.
 *
 * <p>The plain case of a classic pcap file is read in Java ({@link ClassicPcapReader}); every other
 * file, and the rest of a plain file from a record that is not plain, is read by libpcap: pcap4j
 * opens the file, the frames are read from the same {@code pcap_t} through FFM
 * ({@link FrameReader}). Several files are read one after the other by the caller, one source each.
 */
public final class PcapFileSource implements PacketSource {
    private final Path file;
    /** The Java reader of a plain classic pcap file, or null. */
    private final ClassicPcapReader plain;
    /** libpcap: from the start, or opened when the Java reader hands over; null until then. */
    private PcapHandle handle;
    private volatile FrameReader reader;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean stopRequested;

    private PcapFileSource(Path file, ClassicPcapReader plain, PcapHandle handle) {
        this.file = file;
        this.plain = plain;
        this.handle = handle;
        this.reader = handle == null ? null : new FrameReader(NativePcap.pcapOf(handle));
    }

    /**
     * Opens a capture file.
     *
     * @throws CaptureOpenException when libpcap cannot open it (missing, unreadable, not a
     *     capture file, truncated header, a format or link type it refuses)
     */
    public static PcapFileSource open(Path file) throws CaptureOpenException {
        ClassicPcapReader plain = ClassicPcapReader.open(file);
        if (plain != null) {
            return new PcapFileSource(file, plain, null);
        }
        return openWithLibpcap(file);
    }

    /** As {@link #open}, with libpcap reading every frame (the reference the Java reader is tested against). */
    static PcapFileSource openWithLibpcap(Path file) throws CaptureOpenException {
        PcapHandle handle = openHandle(file);
        try {
            return new PcapFileSource(file, null, handle);
        } catch (RuntimeException | Error e) {
            handle.close();
            throw e;
        }
    }

    /** Whether frames come from the Java reader (for tests). */
    boolean readsInJava() {
        return plain != null && reader == null;
    }

    static PcapHandle openHandle(Path file) throws CaptureOpenException {
        try {
            return Pcaps.openOffline(file.toString(), PcapHandle.TimestampPrecision.NANO);
        } catch (PcapNativeException e) {
            // A missing or unreadable file has no damage to locate; libpcap's reason says so.
            long offset = java.nio.file.Files.isReadable(file) && java.nio.file.Files.isRegularFile(file)
                    ? OpenDamageLocator.locate(file) : -1;
            throw CaptureOpenException.forFile(file.toString(), offset, e.getMessage(), e);
        }
    }

    @Override
    public long run(FrameHandler handler) throws CaptureException {
        if (!running.compareAndSet(false, true)) {
            throw new IllegalStateException("run() is already reading " + file);
        }
        try {
            long before = frames();
            if (reader == null) {
                int rc = plain.readUntilIdle(handler);
                if (rc != ClassicPcapReader.HANDOVER) {
                    return frames() - before;
                }
                handOver();
                if (stopRequested) {
                    return frames() - before;
                }
            }
            int rc = reader.readUntilIdle(handler);
            if (rc == NativePcap.NEXT_ERROR) {
                String reason = NativePcap.geterr(reader.pcap());
                long delivered = frames();
                throw new DamagedCaptureException(file, DamageLocator.offsetAfter(file, delivered), reason, delivered);
            }
            // NEXT_BREAK is the end of the file; STOPPED a stop request. A file never times out.
            return frames() - before;
        } finally {
            running.set(false);
        }
    }

    /**
     * libpcap reads on from the record the Java reader left: it opens the file and skips the
     * records already delivered, then meets that record as it would have met it from the start.
     */
    private void handOver() throws CaptureException {
        PcapHandle h = openHandle(file);
        FrameReader r;
        try {
            r = new FrameReader(NativePcap.pcapOf(h));
        } catch (RuntimeException | Error e) {
            h.close();
            throw e;
        }
        handle = h;
        reader = r;
        if (stopRequested) {
            r.requestStop();
        }
        long skip = plain.records();
        long skipped = r.skip(skip);
        if (skipped != skip) {
            // The file changed under us (libpcap found fewer records than were read): say so as damage.
            throw new DamagedCaptureException(file, DamageLocator.offsetAfter(file, skipped),
                    "the file changed while it was read", skipped);
        }
    }

    @Override
    public void stop() {
        stopRequested = true;
        if (plain != null) {
            plain.requestStop();
        }
        FrameReader r = reader;
        if (r != null) {
            r.requestStop();
        }
    }

    @Override
    public int linkType() {
        return plain != null ? plain.linkType() : reader.linkType();
    }

    /** Frames delivered: by the Java reader, then by libpcap. */
    private long frames() {
        FrameReader r = reader;
        return (plain != null ? plain.records() : 0) + (r != null ? r.frames() : 0);
    }

    /**
     * Frames read so far as {@code received}; a file drops nothing. Exact once {@link #run} has
     * returned; read from another thread while it runs, the count may lag a little.
     */
    @Override
    public CaptureStats stats() {
        return new CaptureStats(frames(), 0, 0);
    }

    @Override
    public String name() {
        return file.toString();
    }

    @Override
    public void close() {
        if (running.get()) {
            throw new IllegalStateException("close() while run() is reading " + file + ": stop() and wait for run()");
        }
        if (closed.compareAndSet(false, true)) {
            if (plain != null) {
                plain.close();
            }
            if (reader != null) {
                reader.close();
                handle.close();
            }
        }
    }
}
