package gatewatch.sensor.http;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded amount shared by every connection: the connections open at once, or the request bytes
 * held at once (bodies being aggregated, and waiting for or in scoring). A connection takes before
 * it holds and gives back when answered or closed, so a crowd of clients cannot pass the bound.
 */
final class Budget {
    private final long max;
    private final AtomicLong used = new AtomicLong();

    Budget(long max) {
        this.max = max;
    }

    /** Takes {@code n} of the budget, or nothing and false when that would pass the bound. */
    boolean tryReserve(long n) {
        long u;
        do {
            u = used.get();
            if (u + n > max) {
                return false;
            }
        } while (!used.compareAndSet(u, u + n));
        return true;
    }

    /** Takes {@code n} whatever the bound: for a take that a release under way will make good. */
    void reserve(long n) {
        used.addAndGet(n);
    }

    void release(long n) {
        used.addAndGet(-n);
    }

    long used() {
        return used.get();
    }

    long max() {
        return max;
    }
}
