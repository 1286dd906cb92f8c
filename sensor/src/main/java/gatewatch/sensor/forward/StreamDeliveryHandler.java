package gatewatch.sensor.forward;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Last in a TCP forwarder's pipeline: writes alerts from the {@link Outbox} while the channel is
 * writable, and keeps each written alert, with the stream offset where it ends, until the peer's
 * TCP has acknowledged that offset.
 *
 * <p>Why acknowledgements: plain TCP has no application ACK, and an alert the kernel accepted
 * can still be lost when the receiver goes away. But a receiver that closes its socket with
 * nothing unread sends FIN, and from then on its kernel acknowledges nothing more (data that
 * still arrives is answered with RST). So the bytes acknowledged when the peer closed are exactly
 * the bytes it read. Alerts up to that offset are delivered; the rest are put back and written
 * again on the next connection, once. Before each write the kernel is asked whether the peer has
 * already closed, so that nothing is written into a connection known to be dead.
 *
 * <p>A peer that closes with bytes unread may send FIN just before its RST (the JDK's socket
 * close shuts down output first), so after a FIN nothing more is written and the connection is
 * looked at again {@link #PEER_CLOSE_GRACE_MILLIS} later: a RST by then is counted as a reset.
 *
 * <p>The channel must be set up with {@code ALLOW_HALF_CLOSURE} (a FIN arrives as an event, with
 * the socket still open to ask) and {@code AUTO_CLOSE} off (a failed write leaves the socket open
 * until the last reading is taken). One per connection; event loop only.
 */
final class StreamDeliveryHandler extends ChannelDuplexHandler {
    private static final Logger log = LoggerFactory.getLogger(StreamDeliveryHandler.class);
    /** FIN and RST of one close come back to back; this is far longer than the gap between them. */
    static final long PEER_CLOSE_GRACE_MILLIS = 200;

    private record InFlight(ForwardedAlert alert, long endOffset) {
    }

    private final String name;
    private final Outbox outbox;
    private final WrittenBytesCounter counter;
    private final AckProbes probes;
    private final long pollMillis;
    private final long stallNanos;
    private final LongSupplier nanoClock;
    private final Runnable onInactive;
    private final ArrayDeque<InFlight> inFlight = new ArrayDeque<>();
    private final ChannelFutureListener onWriteFailure = f -> {
        if (!f.isSuccess()) {
            end(f.channel().pipeline().context(this), "write failed: " + f.cause());
        }
    };
    private ChannelHandlerContext ctx;
    private AckProbe probe;
    private ScheduledFuture<?> poll;
    private long lastAcked;
    /** Alerts acknowledged on this connection: all of them may be lost if it ends by a RST. */
    private long acknowledgedHere;
    private long lastProgressNanos;
    private boolean ended;
    /** The peer sent FIN: nothing more is written; {@link #end} follows after the grace period. */
    private boolean peerClosing;

    /**
     * @param pollMillis how often to ask the kernel for acknowledgements while alerts are in flight
     * @param stallMillis how long in-flight alerts may go unacknowledged before the connection is
     *                    taken for dead and replaced (a peer that vanished without FIN or RST)
     * @param onInactive  run after the connection is gone and its unacknowledged alerts are put back
     */
    StreamDeliveryHandler(String name, Outbox outbox, WrittenBytesCounter counter, AckProbes probes,
                          long pollMillis, long stallMillis, LongSupplier nanoClock, Runnable onInactive) {
        this.name = name;
        this.outbox = outbox;
        this.counter = counter;
        this.probes = probes;
        this.pollMillis = pollMillis;
        this.stallNanos = TimeUnit.MILLISECONDS.toNanos(stallMillis);
        this.nanoClock = nanoClock;
        this.onInactive = onInactive;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        probe = probes.open(ctx.channel(), counter);
        lastProgressNanos = nanoClock.getAsLong();
        ctx.fireChannelActive();
        pump();
    }

    /** Writes what the outbox holds, as far as the channel is writable. */
    void pump() {
        if (ended || peerClosing || probe == null || !ctx.channel().isActive()) {
            return;
        }
        if (!outbox.hasNext()) {
            return;
        }
        if (settle()) {
            return;
        }
        boolean wrote = false;
        ForwardedAlert alert;
        while (ctx.channel().isWritable() && (alert = outbox.next()) != null) {
            ctx.write(alert).addListener(onWriteFailure);
            inFlight.addLast(new InFlight(alert, counter.written()));
            wrote = true;
        }
        if (wrote) {
            ctx.flush();
            schedulePoll();
        }
    }

    /**
     * Settles what the peer acknowledged; ends the connection if the peer is gone.
     *
     * @return true if the connection ended
     */
    private boolean settle() {
        AckProbe.Reading reading = probe.read();
        acknowledge(reading);
        if (reading.reset()) {
            end(ctx, "peer reset the connection");
            return true;
        }
        if (reading.peerGone()) {
            peerClosed();
            return true;
        }
        return false;
    }

    /** FIN from the peer: stop writing, and end the connection once a RST would have arrived. */
    private void peerClosed() {
        if (ended || peerClosing) {
            return;
        }
        peerClosing = true;
        ctx.executor().schedule(() -> end(ctx, "peer closed the connection"), PEER_CLOSE_GRACE_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void acknowledge(AckProbe.Reading reading) {
        if (reading.bytesAcked() > lastAcked) {
            lastAcked = reading.bytesAcked();
            lastProgressNanos = nanoClock.getAsLong();
        }
        int done = 0;
        while (!inFlight.isEmpty() && inFlight.peekFirst().endOffset() <= lastAcked) {
            inFlight.pollFirst();
            done++;
        }
        if (done > 0) {
            acknowledgedHere += done;
            outbox.delivered(done);
        }
    }

    private void schedulePoll() {
        if (poll == null && !inFlight.isEmpty()) {
            poll = ctx.executor().schedule(this::onPoll, pollMillis, TimeUnit.MILLISECONDS);
        }
    }

    private void onPoll() {
        poll = null;
        if (ended || peerClosing) {
            return;
        }
        if (settle()) {
            return;
        }
        if (!inFlight.isEmpty() && nanoClock.getAsLong() - lastProgressNanos > stallNanos && probe.kernelBacked()) {
            log.warn("forwarder {}: nothing acknowledged for {} ms with {} alerts in flight; reconnecting",
                    name, TimeUnit.NANOSECONDS.toMillis(stallNanos), inFlight.size());
            end(ctx, "stalled");
            return;
        }
        schedulePoll();
        pump();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        pump();
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ReferenceCountUtil.release(msg); // receivers send nothing we use
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof ChannelInputShutdownEvent) {
            peerClosed();
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        end(ctx, cause.toString());
    }

    /** Takes the last reading while the socket is still open, then closes it. */
    private void end(ChannelHandlerContext ctx, String why) {
        if (ended) {
            return;
        }
        ended = true;
        if (probe != null) {
            AckProbe.Reading last = probe.read();
            acknowledge(last);
            if (last.reset()) {
                outbox.peerReset(acknowledgedHere);
                log.warn("forwarder {}: the receiver reset the connection; of the {} alerts it acknowledged on it, those it "
                        + "had not read yet are lost (counted as possibly lost; compare with the alert log)", name, acknowledgedHere);
            }
        }
        log.info("forwarder {}: connection ends ({}), {} alerts to send again", name, why, inFlight.size());
        ctx.close();
    }

    /** Settles what was acknowledged and closes: used by the forwarder's close. */
    void closeGracefully() {
        if (!ended && probe != null && ctx.channel().isActive()) {
            end(ctx, "forwarder closing");
        } else {
            ctx.close();
        }
    }

    /** True while nothing written is waiting for an acknowledgement. */
    boolean idle() {
        return inFlight.isEmpty();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        ended = true;
        if (poll != null) {
            poll.cancel(false);
            poll = null;
        }
        List<ForwardedAlert> unconfirmed = new ArrayList<>(inFlight.size());
        for (InFlight f : inFlight) {
            unconfirmed.add(f.alert());
        }
        inFlight.clear();
        outbox.putBack(unconfirmed);
        ctx.fireChannelInactive();
        onInactive.run();
    }
}
