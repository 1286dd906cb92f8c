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
    private final LongAdder resent = new LongAdder();
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
     * Alerts handed over: acknowledged by the receiver's TCP (in its socket, not proof that it read
     * them: see {@link #possiblyLost()}), answered 2xx, or handed to the kernel (UDP).
     */
    public long sent() {
        return sent.sum();
    }

    /** Alerts taken but not yet known delivered (queued, in flight, or waiting for a resend). */
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

    /** Alerts written again after a connection ended before they were known delivered. */
    public long resent() {
        return resent.sum();
    }

    /**
     * TCP connections the receiver reset. A receiver that goes away with bytes it acknowledged
     * still unread in its socket resets the connection, and those alerts, counted as sent, are
     * lost; TCP does not say how many. A non-zero count means: compare with the alert log.
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

    void addResent(long n) {
        resent.add(n);
    }

    @Override
    public String toString() {
        return "sent=" + sent() + " buffered=" + buffered() + " failed=" + failedTotal() + " resent=" + resent() + " resets=" + resets()
                + " possibly_lost=" + possiblyLost();
    }
}
