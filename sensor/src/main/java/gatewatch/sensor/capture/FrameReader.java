package gatewatch.sensor.capture;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;

import gatewatch.features.decode.FrameHandler;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * The per-frame loop over one {@code pcap_t}: {@code pcap_next_ex} through FFM, one copy of each
 * frame into a reused {@code byte[]}, one {@link FrameHandler} call.
 *
 * <p>Nothing on the frame path allocates, boxes, logs or locks: the header and data pointers are
 * read as plain longs out of two preallocated slots and the frame is copied straight from libpcap's
 * buffer. The stop flag is one volatile read a frame (a plain load on x86-64).
 *
 * <p>Called from the capture thread only, except {@link #requestStop()}, which any thread may call.
 */
final class FrameReader implements AutoCloseable {
    /** {@link #readUntilIdle} result when {@link #requestStop()} ended the loop. */
    static final int STOPPED = Integer.MIN_VALUE;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final MemorySegment pcap;
    private final Arena arena;
    /** {@code struct pcap_pkthdr *} written by pcap_next_ex. */
    private final MemorySegment headerSlot;
    /** {@code const u_char *} written by pcap_next_ex. */
    private final MemorySegment dataSlot;
    private final int linkType;
    /** 1 for nanosecond handles, 1000 for microsecond ones. */
    private final long fractionToNanos;
    private byte[] frame;
    private long frames;
    private volatile boolean stopRequested;

    FrameReader(MemorySegment pcap) {
        this.pcap = pcap;
        this.arena = Arena.ofShared();
        this.headerSlot = arena.allocate(ADDRESS);
        this.dataSlot = arena.allocate(ADDRESS);
        this.linkType = LinkTypes.fromDlt(NativePcap.datalink(pcap));
        this.fractionToNanos = NativePcap.tstampPrecision(pcap) == NativePcap.TSTAMP_PRECISION_NANO ? 1 : 1000;
        // libpcap never hands out more than the snapshot length, except from pcapng files whose
        // interfaces differ; the buffer grows for those (see deliver).
        this.frame = new byte[Math.max(NativePcap.snapshot(pcap), 1)];
    }

    /** The {@code LINKTYPE_*} value of every frame this reader delivers. */
    int linkType() {
        return linkType;
    }

    /** Frames delivered so far. */
    long frames() {
        return frames;
    }

    MemorySegment pcap() {
        return pcap;
    }

    void requestStop() {
        stopRequested = true;
    }

    boolean stopRequested() {
        return stopRequested;
    }

    /**
     * Delivers frames until libpcap has none ready or a stop was requested.
     *
     * @return {@link #STOPPED}, or the {@code pcap_next_ex} result that was not a frame:
     *     {@link NativePcap#NEXT_TIMEOUT} (nothing ready on a live handle),
     *     {@link NativePcap#NEXT_ERROR} or {@link NativePcap#NEXT_BREAK} (end of file)
     */
    int readUntilIdle(FrameHandler handler) {
        final MemorySegment p = pcap;
        final MemorySegment hdrSlot = headerSlot;
        final MemorySegment datSlot = dataSlot;
        final int lt = linkType;
        final long scale = fractionToNanos;
        while (!stopRequested) {
            int rc = nextEx(p, hdrSlot, datSlot);
            if (rc != 1) {
                return rc;
            }
            long hdr = hdrSlot.get(JAVA_LONG, 0);
            long tsNanos = NativePcap.ALL.get(JAVA_LONG_UNALIGNED, hdr + NativePcap.HDR_TV_SEC) * NANOS_PER_SECOND
                    + NativePcap.ALL.get(JAVA_LONG_UNALIGNED, hdr + NativePcap.HDR_TV_FRAC) * scale;
            int capLen = NativePcap.ALL.get(JAVA_INT_UNALIGNED, hdr + NativePcap.HDR_CAPLEN);
            int wireLen = NativePcap.ALL.get(JAVA_INT_UNALIGNED, hdr + NativePcap.HDR_LEN);
            byte[] buf = frame;
            if (capLen > buf.length) {
                buf = grow(capLen);
            }
            MemorySegment.copy(NativePcap.ALL, JAVA_BYTE, datSlot.get(JAVA_LONG, 0), buf, 0, capLen);
            frames++;
            // A fuzzed file can claim a wire length below what it captured; the handler's contract
            // is wireLen >= capLen.
            handler.onFrame(buf, 0, capLen, Math.max(wireLen, capLen), lt, tsNanos);
        }
        return STOPPED;
    }

    /**
     * Reads past {@code n} frames without delivering or counting them (libpcap taking over a
     * file from a record the Java reader could not read).
     *
     * @return the frames skipped: fewer than {@code n} when the file ended or failed first
     */
    long skip(long n) {
        long done = 0;
        while (done < n && nextEx(pcap, headerSlot, dataSlot) == 1) {
            done++;
        }
        return done;
    }

    private byte[] grow(int capLen) {
        frame = new byte[capLen];
        return frame;
    }

    private static int nextEx(MemorySegment p, MemorySegment hdrSlot, MemorySegment datSlot) {
        try {
            return (int) NativePcap.NEXT_EX.invokeExact(p, hdrSlot, datSlot);
        } catch (Throwable t) {
            throw NativePcap.rethrow(t);
        }
    }

    /** Frees the two pointer slots; the {@code pcap_t} belongs to pcap4j and is closed there. */
    @Override
    public void close() {
        arena.close();
    }
}
