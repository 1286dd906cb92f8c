package gatewatch.sensor.pipeline;

import java.util.concurrent.locks.LockSupport;

/**
 * How a thread waits when it has no work (Agrona's duty-cycle idea): spin briefly, then yield,
 * then park with a growing pause up to a bound, so an idle pipeline costs almost no CPU and a busy
 * one never sleeps. One instance per thread.
 */
final class IdleStrategy {
    private static final int SPINS = 100;
    private static final int YIELDS = 50;
    private static final long MIN_PARK_NANOS = 1_000;
    private static final long MAX_PARK_NANOS = 1_000_000;
    private int idleCount;
    private long parkNanos = MIN_PARK_NANOS;

    /** Called with the work done in the last cycle; waits only when it was none. */
    void idle(int workCount) {
        if (workCount > 0) {
            reset();
            return;
        }
        if (idleCount < SPINS) {
            idleCount++;
            Thread.onSpinWait();
        } else if (idleCount < SPINS + YIELDS) {
            idleCount++;
            Thread.yield();
        } else {
            LockSupport.parkNanos(parkNanos);
            parkNanos = Math.min(parkNanos * 2, MAX_PARK_NANOS);
        }
    }

    void reset() {
        idleCount = 0;
        parkNanos = MIN_PARK_NANOS;
    }
}
