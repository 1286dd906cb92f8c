package gatewatch.sensor.daemon;

import gatewatch.sensor.config.ForwarderSection;
import gatewatch.sensor.forward.Forwarder;
import gatewatch.sensor.forward.HttpWebhookConfig;
import gatewatch.sensor.forward.HttpWebhookForwarder;
import gatewatch.sensor.forward.JsonLinesTcpConfig;
import gatewatch.sensor.forward.JsonLinesTcpForwarder;
import gatewatch.sensor.forward.SyslogTcpConfig;
import gatewatch.sensor.forward.SyslogTcpForwarder;
import gatewatch.sensor.forward.SyslogUdpConfig;
import gatewatch.sensor.forward.SyslogUdpForwarder;
import io.netty.channel.EventLoopGroup;
import java.util.ArrayList;
import java.util.List;

/** Builds the configured forwarders on one event loop group. */
final class Forwarders {
    private Forwarders() {
    }

    static List<Forwarder> create(List<ForwarderSection> sections, String hostname, EventLoopGroup group) {
        List<Forwarder> out = new ArrayList<>();
        for (int i = 0; i < sections.size(); i++) {
            Record config = sections.get(i).build("forwarders[" + i + "]", hostname);
            out.add(switch (config) {
                case SyslogUdpConfig c -> new SyslogUdpForwarder(c, group);
                case SyslogTcpConfig c -> new SyslogTcpForwarder(c, group);
                case JsonLinesTcpConfig c -> new JsonLinesTcpForwarder(c, group);
                case HttpWebhookConfig c -> new HttpWebhookForwarder(c, group);
                default -> throw new IllegalStateException("no forwarder for " + config);
            });
        }
        return out;
    }
}
