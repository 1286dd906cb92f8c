package gatewatch.sensor.forward;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The alerts a forwarder still has to send, in order: those put back after a connection ended
 * before they were written come first, then new ones from the {@link BoundedBacklog}.
 * Settles each alert exactly once, as delivered or failed, and frees its room in the backlog then.
 * Event loop only, except {@link #drained()}.
 */
final class Outbox {
    private final BoundedBacklog backlog;
    private final ForwarderCounters counters;
    private final ArrayDeque<ForwardedAlert> retry = new ArrayDeque<>();
    private final CompletableFuture<Void> drained = new CompletableFuture<>();
    private boolean closing;
    private boolean finished;

    Outbox(BoundedBacklog backlog, ForwarderCounters counters) {
        this.backlog = backlog;
        this.counters = counters;
    }

    /** The next alert to write, or null. */
    ForwardedAlert next() {
        ForwardedAlert a = retry.poll();
        return a != null ? a : backlog.pollNew();
    }

    /** True if {@link #next()} would return an alert. */
    boolean hasNext() {
        if (!retry.isEmpty()) {
            return true;
        }
        ForwardedAlert a = backlog.pollNew();
        if (a != null) {
            retry.addLast(a);
            return true;
        }
        return false;
    }

    /**
     * Puts alerts whose write failed back at the front, in their order, to be written on the next
     * connection; after {@link #finish()} they are given up instead.
     */
    void putBack(List<ForwardedAlert> unconfirmed) {
        if (unconfirmed.isEmpty()) {
            return;
        }
        if (finished) {
            failed(FailureCause.GAVE_UP, unconfirmed.size());
            return;
        }
        for (int i = unconfirmed.size() - 1; i >= 0; i--) {
            retry.addFirst(unconfirmed.get(i));
        }
    }

    /** A connection was reset with {@code beforeTail} alerts taken on it before the resent tail: see {@link ForwarderCounters#possiblyLost()}. */
    void peerReset(long beforeTail) {
        counters.addReset(beforeTail);
    }

    /** A copy from the resend tail was taken again: see {@link ForwarderCounters#possiblyDuplicated()}. */
    void resentCopy() {
        counters.addPossiblyDuplicated(1);
    }

    void delivered(int n) {
        counters.addSent(n);
        settle(n);
    }

    void failed(FailureCause cause, int n) {
        counters.addFailed(cause, n);
        settle(n);
    }

    private void settle(int n) {
        backlog.release(n);
        if (closing && backlog.depth() == 0) {
            drained.complete(null);
        }
    }

    /** From now on {@link #drained()} completes once nothing is held. */
    void closing() {
        closing = true;
        if (backlog.depth() == 0) {
            drained.complete(null);
        }
    }

    CompletableFuture<Void> drained() {
        return drained;
    }

    /** Gives up what is still queued; alerts put back later are given up as they come. */
    void finish() {
        finished = true;
        int queued = retry.size();
        retry.clear();
        while (backlog.pollNew() != null) {
            queued++;
        }
        if (queued > 0) {
            failed(FailureCause.GAVE_UP, queued);
        }
    }

    boolean isFinished() {
        return finished;
    }
}
