package gatewatch.sensor.forward;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;

/**
 * HTTP webhook: POSTs batches of alerts as a JSON array (see {@link WebhookBatcher}) over a
 * keep-alive connection opened when there is something to send. HTTP answers each request, so
 * here delivered means the receiver said 2xx. Plain HTTP only; put a TLS proxy in front for
 * anything beyond the local network.
 */
public final class HttpWebhookForwarder extends ForwarderBase implements Forwarder {
    /** Webhook responses are small; anything larger is not one. */
    private static final int MAX_RESPONSE_BYTES = 1 << 20;

    private final Reconnector reconnector;
    private final WebhookBatcher batcher;
    private final CompletableFuture<Void> closed = new CompletableFuture<>();

    public HttpWebhookForwarder(HttpWebhookConfig config, EventLoopGroup group) {
        super(config.target(), group);
        TargetConfig target = config.target();
        SplittableRandom random = new SplittableRandom();
        Bootstrap bootstrap = new Bootstrap()
                .group(core.loop())
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(MAX_RESPONSE_BYTES),
                                new ReconnectHandler(reconnector, core.counters()), new WebhookResponseHandler(batcher));
                    }
                });
        this.reconnector = new Reconnector(target.name(), "http://" + target.host() + ":" + target.port() + config.path(),
                core.loop(), new Backoff(target.backoffMin(), target.backoffMax(), random),
                () -> bootstrap.connect(target.host(), target.port()), false);
        this.batcher = new WebhookBatcher(config, core, reconnector,
                new Backoff(target.backoffMin(), target.backoffMax(), random), random.nextLong());
    }

    @Override
    void pump() {
        if (batcher != null) { // null only while constructing
            batcher.pump();
        }
    }

    /** Sends what waits at once (no linger), delivers within the close timeout, gives up the rest. */
    @Override
    public void close() {
        core.loop().execute(batcher::flushNow);
        core.close(() -> {
            batcher.stop();
            reconnector.stop();
            Channel ch = reconnector.channel();
            if (ch != null) {
                ch.close().addListener(f -> closed.complete(null));
            } else {
                closed.complete(null);
            }
        }, closed);
    }
}
