package gatewatch.sensor.metrics;

import gatewatch.features.decode.FrameHandler;
import java.util.Objects;

/**
 * Counts the bytes of the frames a source delivers, then hands each frame on unchanged. The
 * decoder counts frames but not bytes; this sits between the source and the extractor so the
 * capture thread adds two numbers per frame and nothing else (no Micrometer, no allocation).
 *
 * <p>Written by the capture thread only; {@link #wireBytes()} and {@link #capturedBytes()} may be
 * read from any thread and may lag.
 */
public final class FrameBytes implements FrameHandler {
    private final FrameHandler next;
    private long wireBytes;
    private long capturedBytes;

    public FrameBytes(FrameHandler next) {
        this.next = Objects.requireNonNull(next);
    }

    @Override
    public void onFrame(byte[] buf, int offset, int capLen, int wireLen, int linkType, long tsNanos) {
        wireBytes += wireLen;
        capturedBytes += capLen;
        next.onFrame(buf, offset, capLen, wireLen, linkType, tsNanos);
    }

    @Override
    public void idle(long nowNanos) {
        next.idle(nowNanos);
    }

    /** Bytes the frames had on the wire. */
    public long wireBytes() {
        return wireBytes;
    }

    /** Bytes captured (less than on the wire when the snap length cut frames). */
    public long capturedBytes() {
        return capturedBytes;
    }
}
