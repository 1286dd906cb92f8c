package gatewatch.sensor.forward;

import gatewatch.sensor.forward.syslog.SyslogFormat;

/**
 * A syslog-over-UDP forwarder (RFC 5426).
 *
 * @param maxDatagramBytes longest message sent; longer ones are cut and counted. Default
 *                         {@value #DEFAULT_MAX_DATAGRAM_BYTES}: rsyslog's default message size
 *                         limit, above a typical alert (about 2 KB with the 41 features). RFC 5426
 *                         asks every receiver to take 2048 octets, so less than
 *                         {@value #MIN_DATAGRAM_BYTES} would only break alerts; the top is the
 *                         largest UDP payload over IPv4.
 */
public record SyslogUdpConfig(TargetConfig target, SyslogFormat format, int maxDatagramBytes) {
    public static final int DEFAULT_MAX_DATAGRAM_BYTES = 8192;
    public static final int MIN_DATAGRAM_BYTES = 480;
    public static final int MAX_DATAGRAM_BYTES = 65_507;

    public SyslogUdpConfig {
        if (target == null) {
            throw new IllegalArgumentException("target is missing");
        }
        if (format == null) {
            throw new IllegalArgumentException(target.where() + "format (hostname, appName, facility) is missing");
        }
        if (maxDatagramBytes < MIN_DATAGRAM_BYTES || maxDatagramBytes > MAX_DATAGRAM_BYTES) {
            throw new IllegalArgumentException(target.where() + "maxDatagramBytes must be " + MIN_DATAGRAM_BYTES
                    + ".." + MAX_DATAGRAM_BYTES + ", got " + maxDatagramBytes);
        }
    }

    public static SyslogUdpConfig of(TargetConfig target, SyslogFormat format) {
        return new SyslogUdpConfig(target, format, DEFAULT_MAX_DATAGRAM_BYTES);
    }
}
