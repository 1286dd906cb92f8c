package gatewatch.sensor.forward;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bound on what a forwarder holds: every alert from {@link #tryAdd} until it is known
 * delivered or given up ({@link #release}) counts against one capacity, whether it waits in the
 * intake, sits in a connection's unacknowledged tail, or waits to be sent again.
 *
 * <p>{@link #tryAdd} may be called from any thread (in practice the sink thread) and never
 * blocks; everything else runs on the forwarder's event loop. A burst of adds wakes the event
 * loop once.
 */
final class BoundedBacklog {
    private final int capacity;
    private final AtomicInteger depth = new AtomicInteger();
    private final Queue<ForwardedAlert> intake = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean wakeupPending = new AtomicBoolean();
    private final Executor eventLoop;
    private final Runnable onAdded;
    private volatile boolean closed;

    /**
     * @param onAdded run on {@code eventLoop} after alerts were added (at most one pending run)
     */
    BoundedBacklog(int capacity, Executor eventLoop, Runnable onAdded) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, got " + capacity);
        }
        this.capacity = capacity;
        this.eventLoop = eventLoop;
        this.onAdded = onAdded;
    }

    /** Takes the alert if there is room and the backlog is open; any thread. */
    boolean tryAdd(ForwardedAlert alert) {
        if (closed) {
            return false;
        }
        int d;
        do {
            d = depth.get();
            if (d >= capacity) {
                return false;
            }
        } while (!depth.compareAndSet(d, d + 1));
        intake.add(alert);
        if (wakeupPending.compareAndSet(false, true)) {
            eventLoop.execute(() -> {
                wakeupPending.set(false);
                onAdded.run();
            });
        }
        return true;
    }

    /** The next newly added alert, or null; event loop only. */
    ForwardedAlert pollNew() {
        return intake.poll();
    }

    /** Frees room for {@code n} alerts that were delivered or given up; event loop only. */
    void release(int n) {
        depth.addAndGet(-n);
    }

    /** Alerts held now. */
    int depth() {
        return depth.get();
    }

    int capacity() {
        return capacity;
    }

    /** Refuses further adds; what is held stays until released. */
    void close() {
        closed = true;
    }

    boolean isClosed() {
        return closed;
    }
}
