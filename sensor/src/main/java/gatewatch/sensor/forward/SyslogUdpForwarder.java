package gatewatch.sensor.forward;

import gatewatch.sensor.forward.syslog.Rfc5424Formatter;
import gatewatch.sensor.forward.syslog.SyslogDatagramEncoder;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.util.concurrent.Future;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;

/**
 * Syslog over UDP (RFC 5426): one RFC 5424 message per datagram, cut at
 * {@link SyslogUdpConfig#maxDatagramBytes()}. At most once: a datagram to a receiver that is down
 * is lost without a trace, since the kernel reports nothing for an unconnected socket. The buffer
 * only covers the time the socket is not bound or the kernel's send buffer is full. The
 * receiver's address is resolved when the socket is bound, and again on each rebinding.
 */
public final class SyslogUdpForwarder extends ForwarderBase implements Forwarder {
    private static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(64 * 1024, 256 * 1024);

    private final SyslogUdpConfig config;
    private final Reconnector reconnector;
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private DatagramDeliveryHandler current;

    public SyslogUdpForwarder(SyslogUdpConfig config, EventLoopGroup group) {
        super(config.target(), group);
        this.config = config;
        TargetConfig target = config.target();
        Rfc5424Formatter formatter = new Rfc5424Formatter(config.format());
        Bootstrap bootstrap = new Bootstrap()
                .group(core.loop())
                .channel(NioDatagramChannel.class)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK);
        this.reconnector = new Reconnector(target.name(), target.host() + ":" + target.port() + "/udp", core.loop(),
                new Backoff(target.backoffMin(), target.backoffMax(), new SplittableRandom()),
                () -> bind(bootstrap, formatter));
        reconnector.start();
    }

    private Future<?> bind(Bootstrap bootstrap, Rfc5424Formatter formatter) {
        TargetConfig target = config.target();
        InetSocketAddress recipient = new InetSocketAddress(target.host(), target.port());
        if (recipient.isUnresolved()) {
            return core.loop().newFailedFuture(new UnknownHostException(target.host()));
        }
        return bootstrap.clone().handler(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel ch) {
                current = new DatagramDeliveryHandler(target.name(), core.outbox());
                ch.pipeline().addLast(
                        new SyslogDatagramEncoder(formatter, recipient, config.maxDatagramBytes(), core.counters()::addTruncated),
                        new ReconnectHandler(reconnector, core.counters()),
                        current);
                ch.closeFuture().addListener(f -> closed.complete(null));
            }
        }).bind(0);
    }

    @Override
    void pump() {
        if (current != null) {
            current.pump();
        }
    }

    @Override
    public void close() {
        core.close(() -> {
            reconnector.stop();
            Channel ch = reconnector.channel();
            if (ch != null) {
                ch.close();
            } else {
                closed.complete(null);
            }
        }, closed);
    }
}
