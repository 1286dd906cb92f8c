package gatewatch.sensor.config;

import gatewatch.sensor.forward.HttpWebhookConfig;
import gatewatch.sensor.forward.JsonLinesTcpConfig;
import gatewatch.sensor.forward.SyslogTcpConfig;
import gatewatch.sensor.forward.SyslogUdpConfig;
import gatewatch.sensor.forward.TargetConfig;
import gatewatch.sensor.forward.syslog.Facility;
import gatewatch.sensor.forward.syslog.SyslogFormat;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One entry of {@code forwarders:}. {@code type} is {@code syslog-udp}, {@code syslog-tcp},
 * {@code jsonl-tcp} or {@code http}; the other keys are those of that type (defaults in
 * the example configuration).
 */
public record ForwarderSection(
        String type,
        String name,
        String host,
        Integer port,
        Integer bufferSize,
        Duration backoffMin,
        Duration backoffMax,
        Duration closeTimeout,
        String facility,
        String appName,
        Integer maxDatagramBytes,
        String path,
        Integer batchSize,
        Duration linger,
        Duration requestTimeout) {

    /** The forwarder types, as spelled in the file. */
    public enum Type {
        SYSLOG_UDP("syslog-udp"), SYSLOG_TCP("syslog-tcp"), JSONL_TCP("jsonl-tcp"), HTTP("http");

        final String spelling;

        Type(String spelling) {
            this.spelling = spelling;
        }

        static Type of(String s) {
            for (Type t : values()) {
                if (t.spelling.equals(s)) {
                    return t;
                }
            }
            return null;
        }
    }

    void validate(String key) {
        if (type == null) {
            throw new ConfigException(key + ".type: required (syslog-udp, syslog-tcp, jsonl-tcp or http)");
        }
        if (Type.of(type) == null) {
            throw new ConfigException(key + ".type: must be syslog-udp, syslog-tcp, jsonl-tcp or http, got '" + type + "'");
        }
        if (host == null || host.isBlank()) {
            throw new ConfigException(key + ".host: required");
        }
        if (port == null) {
            throw new ConfigException(key + ".port: required");
        }
        try {
            build(key, "localhost");
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key + ": " + e.getMessage(), e);
        }
    }

    public Type kind() {
        return Type.of(type);
    }

    /** The name in metrics and logs: {@code name}, or {@code TYPE-HOST-PORT}, lower case with {@code [^a-z0-9_-]} as {@code _}. */
    public String effectiveName() {
        String n = name != null ? name : type + "-" + host + "-" + port;
        return n.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "_");
    }

    /**
     * Two forwarders of one name would share their metrics and log lines, and nobody could tell
     * which one failed: refused, naming both entries.
     */
    static void requireDistinctNames(List<ForwarderSection> forwarders) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < forwarders.size(); i++) {
            String n = forwarders.get(i).effectiveName();
            Integer earlier = seen.putIfAbsent(n, i);
            if (earlier != null) {
                throw new ConfigException("forwarders[" + earlier + "] and forwarders[" + i + "]: both are named '" + n
                        + "'" + (forwarders.get(i).name == null ? " (from type, host and port)" : "")
                        + "; give each a distinct name");
            }
        }
    }

    /** The target settings shared by every type. */
    TargetConfig target(String key) {
        return new TargetConfig(effectiveName(), host, port,
                bufferSize != null ? bufferSize : TargetConfig.DEFAULT_BUFFER_SIZE,
                backoffMin != null ? backoffMin : TargetConfig.DEFAULT_BACKOFF_MIN,
                backoffMax != null ? backoffMax : TargetConfig.DEFAULT_BACKOFF_MAX,
                closeTimeout != null ? closeTimeout : TargetConfig.DEFAULT_CLOSE_TIMEOUT);
    }

    /** The forwarder's own config record (one of the four). */
    public Record build(String key, String hostname) {
        TargetConfig t = target(key);
        SyslogFormat format = syslogFormat(key, hostname);
        return switch (kind()) {
            case SYSLOG_UDP -> new SyslogUdpConfig(t, format,
                    maxDatagramBytes != null ? maxDatagramBytes : SyslogUdpConfig.DEFAULT_MAX_DATAGRAM_BYTES);
            case SYSLOG_TCP -> new SyslogTcpConfig(t, format);
            case JSONL_TCP -> new JsonLinesTcpConfig(t);
            case HTTP -> new HttpWebhookConfig(t, path != null ? path : "/",
                    batchSize != null ? batchSize : HttpWebhookConfig.DEFAULT_BATCH_SIZE,
                    linger != null ? linger : HttpWebhookConfig.DEFAULT_LINGER,
                    requestTimeout != null ? requestTimeout : HttpWebhookConfig.DEFAULT_REQUEST_TIMEOUT);
        };
    }

    private SyslogFormat syslogFormat(String key, String hostname) {
        SyslogFormat base = SyslogFormat.of(hostname);
        Facility f = base.facility();
        if (facility != null) {
            try {
                f = Facility.valueOf(facility.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(key + ".facility: unknown syslog facility '" + facility + "' (e.g. local0, daemon, security)");
            }
        }
        return new SyslogFormat(base.hostname(), appName != null ? appName : base.appName(), base.procId(), f);
    }
}
