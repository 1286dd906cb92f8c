package gatewatch.sensor.forward;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * What one forwarder did, read live (no snapshot). Written by the offer thread (buffer full) and
 * the forwarder's event loop (everything else), read by metrics and tests from any thread.
 */
public final class ForwarderCounters {
    private final LongAdder sent = new LongAdder();
    private final LongAdder truncated = new LongAdder();
    private final LongAdder connects = new LongAdder();
    private final LongAdder possiblyDuplicated = new LongAdder();
    private final LongAdder resets = new LongAdder();
    private final LongAdder possiblyLost = new LongAdder();
    private final Map<FailureCause, LongAdder> failed = new EnumMap<>(FailureCause.class);
    private final LongSupplier buffered;

    ForwarderCounters(LongSupplier buffered) {
        this.buffered = buffered;
        for (FailureCause cause : FailureCause.values()) {
            failed.put(cause, new LongAdder());
        }
    }

    /**
     * Alerts handed over: taken by the kernel for the TCP connection (not proof that the receiver
     * read them: the last ones are sent again after a reconnect), answered 2xx, or handed to the
     * kernel (UDP). A copy sent again is not counted twice.
     */
    public long sent() {
        return sent.sum();
    }

    /** Alerts taken but not yet handed over (queued, or waiting to be written again after a failed write). */
    public long buffered() {
        return buffered.getAsLong();
    }

    public long failed(FailureCause cause) {
        return failed.get(cause).sum();
    }

    public long failedTotal() {
        return failed.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Syslog datagrams cut to the size limit (they were still sent). */
    public long truncated() {
        return truncated.sum();
    }

    /** Connections (or UDP bindings) established. */
    public long connects() {
        return connects.sum();
    }

    /**
     * Alerts sent again: over TCP, copies of the last alerts of a connection that ended, because TCP
     * does not say whether the receiver read them; over HTTP, a batch retried after a 5xx, a
     * timeout or a lost connection. Each may arrive twice.
     */
    public long possiblyDuplicated() {
        return possiblyDuplicated.sum();
    }

    /**
     * TCP connections that were reset (a read error or a failed write). A receiver that goes away
     * with more unread in its socket than the tail sent again loses the older part; TCP does not
     * say how much. A non-zero count means: compare with the alert log.
     */
    public long resets() {
        return resets.sum();
    }

    /**
     * Alerts counted in {@link #sent()} on connections the receiver then reset: an upper bound of
     * those it lost unread in its socket (TCP does not say how many it had read).
     */
    public long possiblyLost() {
        return possiblyLost.sum();
    }

    /** A connection ended by a RST after {@code acknowledged} alerts were acknowledged on it. */
    void addReset(long acknowledged) {
        resets.increment();
        possiblyLost.add(acknowledged);
    }

    void addSent(long n) {
        sent.add(n);
    }

    void addFailed(FailureCause cause, long n) {
        failed.get(cause).add(n);
    }

    void addTruncated() {
        truncated.increment();
    }

    void addConnect() {
        connects.increment();
    }

    void addPossiblyDuplicated(long n) {
        possiblyDuplicated.add(n);
    }

    @Override
    public String toString() {
        return "sent=" + sent() + " buffered=" + buffered() + " failed=" + failedTotal() + " possibly_duplicated=" + possiblyDuplicated() + " resets=" + resets()
                + " possibly_lost=" + possiblyLost();
    }
}
