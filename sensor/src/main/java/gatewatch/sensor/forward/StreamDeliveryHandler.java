package gatewatch.sensor.forward;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Last in a TCP forwarder's pipeline: writes alerts from the {@link Outbox} while the channel is
 * writable, counts each as sent when the kernel takes it, and keeps a copy of the last ones in
 * the {@link ResendTail}.
 *
 * <p>Why a tail: plain TCP has no application ACK, and an alert the kernel took can still be lost
 * when the connection ends, waiting in our send queue or unread in the receiver's socket. So a new
 * connection first writes the tail again (counted as possibly duplicated). The tail is larger than
 * the send queue can grow ({@link TcpStreamEngine#RESEND_BYTES}): a receiver that stops, having
 * read what reached it, loses nothing.
 *
 * <p>A receiver that dies with more unread than the tail loses the older part. Its kernel resets
 * the connection; the reset shows as a read error or a failed write, and the alerts taken on that
 * connection before the tail are counted as possibly lost. A JVM receiver sends FIN just before
 * that RST (its socket close shuts down output first), so after a FIN nothing more is written and
 * the connection ends {@link #PEER_CLOSE_GRACE_MILLIS} later: a write still pending by then fails
 * if a RST came.
 *
 * <p>The channel must be set up with {@code ALLOW_HALF_CLOSURE} (a FIN arrives as an event) and
 * {@code AUTO_CLOSE} off (a failed write is seen here before the channel closes). One per
 * connection; event loop only.
 */
final class StreamDeliveryHandler extends ChannelDuplexHandler {
    private static final Logger log = LoggerFactory.getLogger(StreamDeliveryHandler.class);
    /** FIN and RST of one close come back to back; this is far longer than the gap between them. */
    static final long PEER_CLOSE_GRACE_MILLIS = 200;

    private final String name;
    private final Outbox outbox;
    private final ResendTail tail;
    private final long stallMillis;
    private final Runnable onInactive;
    /** Alerts whose write failed: never taken by the kernel, they go back to the outbox. */
    private final List<ForwardedAlert> unsent = new ArrayList<>();
    private ChannelHandlerContext ctx;
    private ScheduledFuture<?> stallCheck;
    /** Alerts the kernel took on this connection (copies included). */
    private long takenHere;
    private boolean active;
    private boolean ended;
    /** The peer sent FIN: nothing more is written; {@link #end} follows after the grace period. */
    private boolean peerClosing;

    /**
     * @param stallMillis how long the channel may stay unwritable before the connection is taken
     *                    for dead and replaced (a peer that vanished without FIN or RST)
     * @param onInactive  run after the connection is gone and its unsent alerts are put back
     */
    StreamDeliveryHandler(String name, Outbox outbox, ResendTail tail, long stallMillis, Runnable onInactive) {
        this.name = name;
        this.outbox = outbox;
        this.tail = tail;
        this.stallMillis = stallMillis;
        this.onInactive = onInactive;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        active = true;
        ctx.fireChannelActive();
        List<ForwardedAlert> copies = tail.takeAll();
        for (ForwardedAlert copy : copies) {
            ctx.write(copy).addListener(f -> {
                if (f.isSuccess()) {
                    taken(copy);
                    outbox.resentCopy();
                } else {
                    writeFailed(f.cause());
                    tail.add(copy); // still a copy to write again, after those taken before it
                }
            });
        }
        if (!copies.isEmpty()) {
            ctx.flush();
        }
        pump();
    }

    /** Writes what the outbox holds, as far as the channel is writable. */
    void pump() {
        if (!active || ended || peerClosing) {
            return;
        }
        boolean wrote = false;
        ForwardedAlert alert;
        while (ctx.channel().isWritable() && (alert = outbox.next()) != null) {
            ForwardedAlert a = alert;
            ctx.write(a).addListener(f -> {
                if (f.isSuccess()) {
                    outbox.delivered(1);
                    taken(a);
                } else {
                    writeFailed(f.cause());
                    unsent.add(a);
                }
            });
            wrote = true;
        }
        if (wrote) {
            ctx.flush();
        }
    }

    private void taken(ForwardedAlert alert) {
        tail.add(alert);
        takenHere++;
    }

    private void writeFailed(Throwable cause) {
        end("write failed: " + cause, true);
    }

    /** FIN from the peer: stop writing, and end the connection once a RST would have arrived. */
    private void peerClosed() {
        if (ended || peerClosing) {
            return;
        }
        peerClosing = true;
        ctx.executor().schedule(() -> end("peer closed the connection", false), PEER_CLOSE_GRACE_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable()) {
            if (stallCheck != null) {
                stallCheck.cancel(false);
                stallCheck = null;
            }
            pump();
        } else if (stallCheck == null) {
            stallCheck = ctx.executor().schedule(this::stalled, stallMillis, TimeUnit.MILLISECONDS);
        }
        ctx.fireChannelWritabilityChanged();
    }

    private void stalled() {
        stallCheck = null;
        if (!ended && !ctx.channel().isWritable()) {
            log.warn("forwarder {}: the receiver took nothing for {} ms; reconnecting", name, stallMillis);
            end("stalled", false);
        }
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
        // A read error on a TCP socket is the peer's RST ("Connection reset").
        end(cause.toString(), cause instanceof IOException);
    }

    /**
     * Closes the connection; a reset (RST, or a write the kernel refused) counts the alerts taken
     * on it before the tail as possibly lost.
     */
    private void end(String why, boolean reset) {
        if (ended) {
            return;
        }
        ended = true;
        if (reset) {
            long beforeTail = Math.max(0, takenHere - tail.size());
            outbox.peerReset(beforeTail);
            log.warn("forwarder {}: the connection was reset; the last {} alerts are sent again, and of the {} taken on it "
                    + "before those, the ones the receiver had not read yet are lost (counted as possibly lost; compare with "
                    + "the alert log)", name, tail.size(), beforeTail);
        }
        log.info("forwarder {}: connection ends ({}); the last {} alerts will be sent again", name, why, tail.size());
        ctx.close();
    }

    /** Used by the forwarder's close. */
    void closeGracefully() {
        if (active && !ended) {
            end("forwarder closing", false);
        } else {
            ctx.close();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        ended = true;
        if (stallCheck != null) {
            stallCheck.cancel(false);
            stallCheck = null;
        }
        outbox.putBack(List.copyOf(unsent));
        unsent.clear();
        ctx.fireChannelInactive();
        onInactive.run();
    }
}
