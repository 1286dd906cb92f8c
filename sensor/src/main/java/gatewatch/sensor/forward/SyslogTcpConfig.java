package gatewatch.sensor.forward;

import gatewatch.sensor.forward.syslog.SyslogFormat;

/**
 * A syslog-over-TCP forwarder (RFC 6587 octet counting). Messages are not cut: octet counting
 * frames any length, but a receiver may cut them (rsyslog's {@code maxMessageSize}, 8k by
 * default, should exceed the largest alert).
 */
public record SyslogTcpConfig(TargetConfig target, SyslogFormat format) {
    public SyslogTcpConfig {
        if (target == null) {
            throw new IllegalArgumentException("target is missing");
        }
        if (format == null) {
            throw new IllegalArgumentException(target.where() + "format (hostname, appName, facility) is missing");
        }
    }
}
