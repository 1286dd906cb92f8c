package gatewatch.features.decode;

/**
 * Receives raw frames from a packet source, one call per frame, on the capture thread.
 *
 * <p>The bytes are only valid during the call: a source reuses its buffer for the next frame.
 */
@FunctionalInterface
public interface FrameHandler {
    /**
     * @param buf      the frame's bytes start at {@code offset}
     * @param capLen   bytes captured (available in {@code buf})
     * @param wireLen  bytes the frame had on the wire (at least {@code capLen})
     * @param linkType the libpcap {@code LINKTYPE_*} / DLT value of the frame
     * @param tsNanos  capture time in nanoseconds since the epoch
     */
    void onFrame(byte[] buf, int offset, int capLen, int wireLen, int linkType, long tsNanos);

    /**
     * No frame arrived for a while on a live source: time still passes, so time-driven work
     * (connection timeouts) can run. {@code nowNanos} is wall-clock time since the epoch.
     */
    default void idle(long nowNanos) {
    }
}
