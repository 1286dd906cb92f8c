package gatewatch.sensor.http;

import gatewatch.sensor.config.MetricsSection;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the HTTP endpoint.
 *
 * @param host            address to bind (a name or a literal); loopback by default
 * @param port            0 for an ephemeral port (tests)
 * @param scoreApi        serve {@code POST /v1/score}; then {@code host} must be loopback
 * @param maxRequestBytes largest request body; more is a 413
 * @param maxRecords      most records in one scoring request; more is a 413
 * @param limits          what one client, or many, may take of the endpoint
 */
public record HttpServerConfig(String host, int port, boolean scoreApi, int maxRequestBytes, int maxRecords,
        Limits limits) {
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
        Objects.requireNonNull(limits);
    }

    /** With the default {@link Limits}. */
    public HttpServerConfig(String host, int port, boolean scoreApi, int maxRequestBytes, int maxRecords) {
        this(host, port, scoreApi, maxRequestBytes, maxRecords, Limits.DEFAULTS);
    }

    /** The {@code metrics:} section, with the default record limit. */
    public static HttpServerConfig of(MetricsSection metrics) {
        return new HttpServerConfig(metrics.host(), metrics.port(), metrics.scoreApi(), metrics.maxRequestBytes(),
                DEFAULT_MAX_RECORDS, new Limits(metrics.maxConnections(), metrics.headerTimeout(),
                        metrics.requestTimeout(), metrics.idleTimeout(), metrics.maxBufferedBytes()));
    }

    /** {@code host:port} as {@code metrics.listen} spells it, for messages. */
    public String listen() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    /**
     * Bounds that keep a few slow or greedy local clients from taking the endpoint (and the
     * sensor's descriptors and memory) away from Prometheus. The deadlines run from a fixed start
     * and do not restart with each byte, so trickling a byte a second buys nothing.
     *
     * @param maxConnections   connections open at once (see {@link Evictable} for who gives way)
     * @param headerTimeout    accept (or a later request's first byte) to the end of the headers
     * @param requestTimeout   accept (or a later request's first byte) to the end of the body
     * @param idleTimeout      a keep-alive connection waiting for its next request
     * @param maxBufferedBytes request bytes held at once across all connections; more is a 503
     */
    public record Limits(int maxConnections, Duration headerTimeout, Duration requestTimeout, Duration idleTimeout,
            long maxBufferedBytes) {
        public static final Limits DEFAULTS = new Limits(MetricsSection.DEFAULT_MAX_CONNECTIONS,
                MetricsSection.DEFAULT_HEADER_TIMEOUT, MetricsSection.DEFAULT_REQUEST_TIMEOUT,
                MetricsSection.DEFAULT_IDLE_TIMEOUT, MetricsSection.DEFAULT_MAX_BUFFERED_BYTES);

        public Limits {
            if (maxConnections < 1 || maxBufferedBytes < 1) {
                throw new IllegalArgumentException("limits must be positive");
            }
            for (Duration d : new Duration[] {headerTimeout, requestTimeout, idleTimeout}) {
                if (d.isZero() || d.isNegative()) {
                    throw new IllegalArgumentException("timeouts must be positive");
                }
            }
        }
    }
}
