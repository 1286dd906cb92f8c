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
 * What the two TCP stream forwarders share: one connection kept up by a {@link Reconnector}, and
 * a pipeline of {@link WrittenBytesCounter}, the forwarder's encoders, {@link ReconnectHandler}
 * and {@link StreamDeliveryHandler}. All state lives on one event loop of the caller's group.
 */
final class TcpStreamEngine {
    /** Loopback and LAN ACKs come within a few ms (delayed ACKs within 40 ms). */
    static final long ACK_POLL_MILLIS = 20;
    /** Longer than any ACK delay, far shorter than TCP's own give-up (about 15 minutes). */
    static final long ACK_STALL_MILLIS = 60_000;
    private static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(32 * 1024, 64 * 1024);

    private final DeliveryCore core;
    private final Reconnector reconnector;
    private final CompletableFuture<Void> lastChannelGone = new CompletableFuture<>();
    private StreamDeliveryHandler current;
    private boolean stopping;

    TcpStreamEngine(TargetConfig target, DeliveryCore core, Supplier<List<ChannelHandler>> encoders,
                    AckProbes probes, RandomGenerator random) {
        this.core = core;
        Bootstrap bootstrap = new Bootstrap()
                .group(core.loop())
                .channel(NioSocketChannel.class)
                .option(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .option(ChannelOption.AUTO_CLOSE, false)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
                .option(ChannelOption.SO_KEEPALIVE, true)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        WrittenBytesCounter counter = new WrittenBytesCounter();
                        current = new StreamDeliveryHandler(target.name(), core.outbox(), counter, probes,
                                ACK_POLL_MILLIS, ACK_STALL_MILLIS, System::nanoTime, TcpStreamEngine.this::channelGone);
                        ch.pipeline().addLast(counter);
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
