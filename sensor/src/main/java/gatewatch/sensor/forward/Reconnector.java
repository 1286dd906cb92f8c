package gatewatch.sensor.forward;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one connection to the receiver: connects, and after a failed attempt or a lost
 * connection schedules the next attempt on the event loop with {@link Backoff}, never sleeping a
 * thread. A persistent reconnector connects at once and after every loss; an on-demand one only
 * when {@link #demand()} asks (the webhook, whose receiver may close idle connections). Logs state changes only: the first failure of an outage, and the reconnection. Event
 * loop only.
 */
final class Reconnector {
    private static final Logger log = LoggerFactory.getLogger(Reconnector.class);

    private final String name;
    private final String target;
    private final EventLoop loop;
    private final Backoff backoff;
    private final Supplier<? extends Future<?>> connect;
    private final boolean persistent;
    private ScheduledFuture<?> pending;
    private Channel channel;
    private int failuresInARow;
    private boolean connecting;
    private boolean stopped;

    Reconnector(String name, String target, EventLoop loop, Backoff backoff, Supplier<? extends Future<?>> connect) {
        this(name, target, loop, backoff, connect, true);
    }

    Reconnector(String name, String target, EventLoop loop, Backoff backoff, Supplier<? extends Future<?>> connect,
                boolean persistent) {
        this.name = name;
        this.target = target;
        this.loop = loop;
        this.backoff = backoff;
        this.connect = connect;
        this.persistent = persistent;
    }

    /** A persistent reconnector connects now; an on-demand one waits for {@link #demand()}. */
    void start() {
        if (persistent) {
            loop.execute(this::attempt);
        }
    }

    /** Connects now unless connected, connecting, or waiting out a back-off. Event loop. */
    void demand() {
        if (channel == null && !connecting && pending == null) {
            attempt();
        }
    }

    private void attempt() {
        pending = null;
        if (stopped) {
            return;
        }
        connecting = true;
        connect.get().addListener(f -> {
            connecting = false;
            if (!f.isSuccess()) {
                if (failuresInARow++ == 0) {
                    log.warn("forwarder {}: cannot connect to {} ({}); retrying with back-off", name, target, f.cause().toString());
                }
                retryLater();
            }
        });
    }

    /** Called by {@link ReconnectHandler} when the channel becomes active. */
    void connected(Channel ch) {
        connecting = false;
        channel = ch;
        backoff.reset();
        if (persistent || failuresInARow > 0) {
            log.info("forwarder {}: connected to {}{}", name, target,
                    failuresInARow > 0 ? " after " + failuresInARow + " failed attempts" : "");
        }
        failuresInARow = 0;
        if (stopped) {
            ch.close();
        }
    }

    /** Called by {@link ReconnectHandler} when the channel is gone. */
    void disconnected(Channel ch) {
        if (channel == ch) {
            channel = null;
        }
        if (stopped) {
            return;
        }
        if (persistent) {
            log.info("forwarder {}: disconnected from {}; reconnecting with back-off", name, target);
            retryLater();
        } else {
            log.debug("forwarder {}: connection to {} closed", name, target);
        }
    }

    private void retryLater() {
        if (!stopped && pending == null) {
            pending = loop.schedule(this::attempt, backoff.nextDelayMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** The channel while connected, else null. */
    Channel channel() {
        return channel;
    }

    /** No more attempts; the current channel, if any, is left to the caller. */
    void stop() {
        stopped = true;
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
    }
}
