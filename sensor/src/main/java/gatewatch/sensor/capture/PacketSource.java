package gatewatch.sensor.capture;

import gatewatch.features.decode.FrameHandler;

/**
 * Where frames come from: one capture file, or one live interface. Frames are handed over as bytes,
 * lengths, link type and a nanosecond timestamp, never as pcap4j {@code Packet} objects.
 *
 * <p>Threads: {@link #run} on one capture thread; {@link #stop()} and {@link #stats()} from any
 * thread; {@link #close()} once {@code run} has returned.
 */
public sealed interface PacketSource extends AutoCloseable permits PcapFileSource, LiveSource {
    /**
     * Reads frames and hands each to {@code handler} on the calling thread, until the end of the
     * file, a {@link #stop()}, or an error. An exception thrown by the handler propagates unchanged
     * and ends the run. After a stop, further calls return 0 at once.
     *
     * @return the frames delivered by this call
     * @throws DamagedCaptureException a file that cannot be read to its end (every frame before
     *     the damage has been delivered)
     * @throws CaptureException a live interface that failed while capturing (e.g. went away)
     */
    long run(FrameHandler handler) throws CaptureException;

    /**
     * Asks {@link #run} to return. Callable from any thread, also before {@code run} starts; the
     * loop returns after the frame in hand, and on a live interface within about 100 ms even when
     * no frame arrives.
     */
    void stop();

    /** The {@code LINKTYPE_*} value of every frame of this source. */
    int linkType();

    /** Counters so far; callable from any thread, during and after {@link #run}. */
    CaptureStats stats();

    /** The file path or interface name, for messages and metrics. */
    String name();

    /** Releases the libpcap handle. Call only after {@link #run} has returned. */
    @Override
    void close();
}
