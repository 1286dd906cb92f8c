package gatewatch.sensor.forward;

import io.netty.channel.EventLoop;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The part every forwarder has: the bounded backlog that {@link Forwarder#offer} fills, the
 * counters, the outbox the transport drains, and the close sequence (stop taking alerts, deliver
 * within the timeout, give up the rest, close the transport).
 */
final class DeliveryCore {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryCore.class);
    /** How long closing the transport itself may take once the rest is given up. */
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(5);

    private final TargetConfig target;
    private final EventLoop loop;
    private final BoundedBacklog backlog;
    private final ForwarderCounters counters;
    private final Outbox outbox;
    private final Runnable pump;
    private final DropEpisodes drops;

    /**
     * @param pump run on the event loop when alerts were added: the transport writes what it can
     */
    DeliveryCore(TargetConfig target, EventLoop loop, Runnable pump) {
        this.target = target;
        this.loop = loop;
        this.pump = pump;
        this.backlog = new BoundedBacklog(target.bufferSize(), loop, pump);
        this.counters = new ForwarderCounters(backlog::depth);
        this.outbox = new Outbox(backlog, counters);
        this.drops = new DropEpisodes(target.name(), target.bufferSize(), System::nanoTime);
    }

    boolean offer(ForwardedAlert alert) {
        if (backlog.tryAdd(alert)) {
            drops.taken();
            return true;
        }
        if (!backlog.isClosed()) {
            counters.addFailed(FailureCause.BUFFER_FULL, 1);
            drops.dropped();
        }
        return false;
    }

    ForwarderCounters counters() {
        return counters;
    }

    Outbox outbox() {
        return outbox;
    }

    EventLoop loop() {
        return loop;
    }

    /**
     * The close sequence; blocks the caller, so never on the event loop.
     *
     * @param stopTransport run on the event loop after the rest was given up: stops reconnecting
     *                      and closes the channel
     * @param transportGone completes when the channel is closed and has put back what it held
     */
    void close(Runnable stopTransport, CompletableFuture<?> transportGone) {
        if (loop.inEventLoop()) {
            throw new IllegalStateException("close() would block the event loop");
        }
        backlog.close();
        drops.close();
        loop.execute(() -> {
            outbox.closing();
            pump.run();
        });
        await(outbox.drained(), target.closeTimeout());
        loop.execute(() -> {
            outbox.finish();
            stopTransport.run();
        });
        await(transportGone, CLOSE_GRACE);
        LOG.info("forwarder {}: closed; {} alerts sent (taken by the kernel, or answered), "
                + "{} dropped (buffer full), {} given up, {} rejected, {} send errors, {} sent again after a reconnect "
                + "(possibly duplicated), {} resets ({} alerts sent on those connections before the part sent again "
                + "possibly lost unread)", target.name(), counters.sent(),
                counters.failed(FailureCause.BUFFER_FULL), counters.failed(FailureCause.GAVE_UP),
                counters.failed(FailureCause.REJECTED), counters.failed(FailureCause.SEND_ERROR),
                counters.possiblyDuplicated(), counters.resets(), counters.possiblyLost());
    }

    private static void await(CompletableFuture<?> future, Duration timeout) {
        try {
            future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // Expected when the receiver is away: what is left is given up next.
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
