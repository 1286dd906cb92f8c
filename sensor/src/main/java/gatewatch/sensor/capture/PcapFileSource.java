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
 * <p>pcap4j opens the file; the frames are read from the same {@code pcap_t} through FFM
 * ({@link FrameReader}). Several files are read one after the other by the caller, one source each.
 */
public final class PcapFileSource implements PacketSource {
    private final Path file;
    private final PcapHandle handle;
    private final FrameReader reader;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();

    private PcapFileSource(Path file, PcapHandle handle) {
        this.file = file;
        this.handle = handle;
        this.reader = new FrameReader(NativePcap.pcapOf(handle));
    }

    /**
     * Opens a capture file.
     *
     * @throws CaptureOpenException when libpcap cannot open it (missing, unreadable, not a
     *     capture file, truncated header, a format or link type it refuses)
     */
    public static PcapFileSource open(Path file) throws CaptureOpenException {
        PcapHandle handle = openHandle(file);
        try {
            return new PcapFileSource(file, handle);
        } catch (RuntimeException | Error e) {
            handle.close();
            throw e;
        }
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
    public long run(FrameHandler handler) throws DamagedCaptureException {
        if (!running.compareAndSet(false, true)) {
            throw new IllegalStateException("run() is already reading " + file);
        }
        try {
            long before = reader.frames();
            int rc = reader.readUntilIdle(handler);
            if (rc == NativePcap.NEXT_ERROR) {
                String reason = NativePcap.geterr(reader.pcap());
                long delivered = reader.frames();
                throw new DamagedCaptureException(file, DamageLocator.offsetAfter(file, delivered), reason, delivered);
            }
            // NEXT_BREAK is the end of the file; STOPPED a stop request. A file never times out.
            return reader.frames() - before;
        } finally {
            running.set(false);
        }
    }

    @Override
    public void stop() {
        reader.requestStop();
    }

    @Override
    public int linkType() {
        return reader.linkType();
    }

    /**
     * Frames read so far as {@code received}; a file drops nothing. Exact once {@link #run} has
     * returned; read from another thread while it runs, the count may lag a little.
     */
    @Override
    public CaptureStats stats() {
        return new CaptureStats(reader.frames(), 0, 0);
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
            reader.close();
            handle.close();
        }
    }
}
