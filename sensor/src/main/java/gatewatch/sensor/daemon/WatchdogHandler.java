package gatewatch.sensor.daemon;

import gatewatch.features.decode.FrameHandler;

/**
 * Sends systemd's watchdog keep-alive from the capture loop itself, so that a loop that stops
 * turning (stuck in a native call, a livelock) is restarted by systemd. Checks the clock every
 * 4,096 frames and on every idle tick, never per frame.
 */
public final class WatchdogHandler implements FrameHandler {
    private static final int CHECK_EVERY_FRAMES = 4096;
    private final FrameHandler next;
    private final SystemdNotifier notifier;
    private final long intervalNanos;
    private long nextDue;
    private int frames;

    public WatchdogHandler(FrameHandler next, SystemdNotifier notifier) {
        this.next = next;
        this.notifier = notifier;
        this.intervalNanos = notifier.watchdogIntervalNanos();
        this.nextDue = System.nanoTime();
    }

    @Override
    public void onFrame(byte[] buf, int offset, int capLen, int wireLen, int linkType, long tsNanos) {
        next.onFrame(buf, offset, capLen, wireLen, linkType, tsNanos);
        if (++frames == CHECK_EVERY_FRAMES) {
            frames = 0;
            tick();
        }
    }

    @Override
    public void idle(long nowNanos) {
        next.idle(nowNanos);
        tick();
    }

    private void tick() {
        long now = System.nanoTime();
        if (now - nextDue >= 0) {
            notifier.watchdog();
            nextDue = now + intervalNanos;
        }
    }
}
