package gatewatch.sensor.forward;

import gatewatch.sensor.forward.syslog.OctetCountingFramer;
import gatewatch.sensor.forward.syslog.Rfc5424Encoder;
import gatewatch.sensor.forward.syslog.Rfc5424Formatter;
import io.netty.channel.EventLoopGroup;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Syslog over TCP: RFC 5424 messages framed by RFC 6587 octet counting. Delivered means
 * acknowledged by the receiver's TCP (see {@link StreamDeliveryHandler}). Connects at once, on an
 * event loop of the caller's group, which the caller keeps and shuts down.
 */
public final class SyslogTcpForwarder implements Forwarder {
    private final SyslogTcpConfig config;
    private final TcpStreamEngine engine;

    public SyslogTcpForwarder(SyslogTcpConfig config, EventLoopGroup group) {
        this.config = config;
        Rfc5424Formatter formatter = new Rfc5424Formatter(config.format());
        this.engine = new TcpStreamEngine(config.target(), group,
                () -> List.of(new OctetCountingFramer(), new Rfc5424Encoder(formatter)),
                new AckProbes(config.target().name()), new SplittableRandom());
    }

    @Override
    public boolean offer(ForwardedAlert alert) {
        return engine.offer(alert);
    }

    @Override
    public ForwarderCounters counters() {
        return engine.counters();
    }

    @Override
    public String name() {
        return config.target().name();
    }

    @Override
    public void close() {
        engine.close();
    }
}
