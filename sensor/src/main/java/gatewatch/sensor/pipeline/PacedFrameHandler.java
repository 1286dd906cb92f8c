package gatewatch.sensor.pipeline;

import gatewatch.features.decode.FrameHandler;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Replays frames at a multiple of the pace their timestamps give: each frame waits until its
 * time, measured from the first frame, divided by the speed factor. Waits in short slices so that
 * a stop request is honoured within {@value #SLICE_MILLIS} ms even across a long gap in the capture.
 */
final class PacedFrameHandler implements FrameHandler {
    static final long SLICE_MILLIS = 50;
    private final FrameHandler next;
    private final double factor;
    private final BooleanSupplier stopped;
    private long firstPacketNanos = Long.MIN_VALUE;
    private long firstWallNanos;

    PacedFrameHandler(FrameHandler next, ReplaySpeed speed, BooleanSupplier stopped) {
        this.next = next;
        this.factor = speed.factor();
        this.stopped = stopped;
    }

    @Override
    public void onFrame(byte[] buf, int offset, int capLen, int wireLen, int linkType, long tsNanos) {
        if (firstPacketNanos == Long.MIN_VALUE) {
            firstPacketNanos = tsNanos;
            firstWallNanos = System.nanoTime();
        }
        long due = firstWallNanos + (long) ((tsNanos - firstPacketNanos) / factor);
        long wait;
        while ((wait = due - System.nanoTime()) > 0 && !stopped.getAsBoolean()) {
            LockSupport.parkNanos(Math.min(wait, SLICE_MILLIS * 1_000_000));
        }
        next.onFrame(buf, offset, capLen, wireLen, linkType, tsNanos);
    }
}
