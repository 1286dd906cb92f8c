package gatewatch.sensor.http;

import gatewatch.sensor.config.MetricsSection;

/**
 * Settings of the HTTP endpoint.
 *
 * @param host            address to bind (a name or a literal); loopback by default
 * @param port            0 for an ephemeral port (tests)
 * @param scoreApi        serve {@code POST /v1/score}; then {@code host} must be loopback
 * @param maxRequestBytes largest request body; more is a 413
 * @param maxRecords      most records in one scoring request; more is a 413
 */
public record HttpServerConfig(String host, int port, boolean scoreApi, int maxRequestBytes, int maxRecords) {
    /** A request of 10,000 records scores in tens of milliseconds and answers in about 1.5 MB of JSON. */
    public static final int DEFAULT_MAX_RECORDS = 10_000;

    public HttpServerConfig {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must be given");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (maxRequestBytes < 1 || maxRecords < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /** The {@code metrics:} section, with the default record limit. */
    public static HttpServerConfig of(MetricsSection metrics) {
        return new HttpServerConfig(metrics.host(), metrics.port(), metrics.scoreApi(), metrics.maxRequestBytes(),
                DEFAULT_MAX_RECORDS);
    }

    /** {@code host:port} as {@code metrics.listen} spells it, for messages. */
    public String listen() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
