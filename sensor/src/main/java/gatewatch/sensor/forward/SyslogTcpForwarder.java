package gatewatch.sensor.forward;

import gatewatch.sensor.forward.syslog.OctetCountingFramer;
import gatewatch.sensor.forward.syslog.Rfc5424Encoder;
import gatewatch.sensor.forward.syslog.Rfc5424Formatter;
import io.netty.channel.EventLoopGroup;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Syslog over TCP: RFC 5424 messages framed by RFC 6587 octet counting. Sent means taken by
 * the kernel; the last ones are sent again after a reconnect (see {@link StreamDeliveryHandler}). Connects at once, on an
 * event loop of the caller's group, which the caller keeps and shuts down.
 */
public final class SyslogTcpForwarder extends ForwarderBase implements Forwarder {
    private final TcpStreamEngine engine;

    public SyslogTcpForwarder(SyslogTcpConfig config, EventLoopGroup group) {
        super(config.target(), group);
        Rfc5424Formatter formatter = new Rfc5424Formatter(config.format());
        this.engine = new TcpStreamEngine(config.target(), core,
                () -> List.of(new OctetCountingFramer(), new Rfc5424Encoder(formatter)),
                new SplittableRandom());
    }

    @Override
    void pump() {
        if (engine != null) { // null only while constructing
            engine.pump();
        }
    }

    @Override
    public void close() {
        engine.close();
    }
}
