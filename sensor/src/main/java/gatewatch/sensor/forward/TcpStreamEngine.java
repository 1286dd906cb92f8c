package gatewatch.sensor.forward;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * What the two TCP stream forwarders share: one connection kept up by a {@link Reconnector}, a
 * pipeline of the forwarder's encoders, {@link ReconnectHandler} and {@link StreamDeliveryHandler},
 * and the {@link ResendTail} that outlives each connection. All state lives on one event loop of
 * the caller's group.
 */
final class TcpStreamEngine {
    /** Far shorter than TCP's own give-up (about 15 minutes). */
    static final long STALL_MILLIS = 60_000;
    /**
     * Fixed, so that the kernel's send queue stays small and bounded (autotuning grows it to 4 MiB):
     * what waits there when a connection ends must fit in the tail sent again. 64 KiB in flight is
     * ample for alerts (about 1 MB/s at 50 ms round trip).
     */
    static final int SEND_BUFFER_BYTES = 32 * 1024;
    /**
     * Linux doubles SO_SNDBUF, and one write may go past it by a segment-offload chunk (64 KiB);
     * measured on loopback: 65,550 bytes queued at most. The rest covers part of a receiver's
     * unread socket buffer too.
     */
    static final long RESEND_BYTES = 2L * SEND_BUFFER_BYTES + 64 * 1024;
    private static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(32 * 1024, 64 * 1024);

    private final DeliveryCore core;
    private final Reconnector reconnector;
    private final CompletableFuture<Void> lastChannelGone = new CompletableFuture<>();
    private final ResendTail tail = new ResendTail(RESEND_BYTES);
    private StreamDeliveryHandler current;
    private boolean stopping;

    TcpStreamEngine(TargetConfig target, DeliveryCore core, Supplier<List<ChannelHandler>> encoders,
                    RandomGenerator random) {
        this.core = core;
        Bootstrap bootstrap = new Bootstrap()
                .group(core.loop())
                .channel(NioSocketChannel.class)
                .option(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .option(ChannelOption.AUTO_CLOSE, false)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
                .option(ChannelOption.SO_KEEPALIVE, true)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_SNDBUF, SEND_BUFFER_BYTES)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        current = new StreamDeliveryHandler(target.name(), core.outbox(), tail, STALL_MILLIS,
                                TcpStreamEngine.this::channelGone);
                        for (ChannelHandler encoder : encoders.get()) {
                            ch.pipeline().addLast(encoder);
                        }
                        ch.pipeline().addLast(new ReconnectHandler(reconnector, core.counters()), current);
                    }
                });
        this.reconnector = new Reconnector(target.name(), target.host() + ":" + target.port(), core.loop(),
                new Backoff(target.backoffMin(), target.backoffMax(), random),
                () -> bootstrap.connect(target.host(), target.port()));
        reconnector.start();
    }

    void pump() {
        if (current != null) {
            current.pump();
        }
    }

    private void channelGone() {
        if (stopping) {
            lastChannelGone.complete(null);
        }
    }

    void close() {
        core.close(() -> {
            stopping = true;
            reconnector.stop();
            if (reconnector.channel() != null && current != null) {
                current.closeGracefully();
            } else {
                lastChannelGone.complete(null);
            }
        }, lastChannelGone);
    }
}
