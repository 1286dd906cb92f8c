package gatewatch.sensor.config;

import java.time.Duration;

/**
 * {@code metrics:} — the HTTP endpoint for Prometheus ({@code /metrics}), health ({@code /healthz})
 * and, when enabled, the scoring API ({@code POST /v1/score}).
 *
 * @param enabled          serve the endpoint
 * @param listen           {@code host:port}; loopback by default
 * @param scoreApi         serve {@code POST /v1/score} (off by default; bound to loopback only when on)
 * @param maxRequestBytes  largest request body accepted by the scoring API
 * @param maxConnections   connections open at once; at the cap a new one takes the slot of the oldest
 *                         without a request in hand, or is closed at accept when there is none
 * @param headerTimeout    from accept (or the first byte of a later request) to the end of its headers
 * @param requestTimeout   from accept (or the first byte of a later request) to the end of its body
 * @param idleTimeout      a keep-alive connection with no request in progress is closed after this
 * @param maxBufferedBytes request bytes held at once across all connections; more is a 503
 */
public record MetricsSection(Boolean enabled, String listen, Boolean scoreApi, Integer maxRequestBytes,
        Integer maxConnections, Duration headerTimeout, Duration requestTimeout, Duration idleTimeout,
        Long maxBufferedBytes) {
    public static final int DEFAULT_MAX_CONNECTIONS = 64;
    public static final Duration DEFAULT_HEADER_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);
    public static final long DEFAULT_MAX_BUFFERED_BYTES = 8L << 20;

    public MetricsSection {
        enabled = enabled != null ? enabled : Boolean.TRUE;
        listen = listen != null ? listen : "127.0.0.1:9810";
        scoreApi = scoreApi != null ? scoreApi : Boolean.FALSE;
        maxRequestBytes = maxRequestBytes != null ? maxRequestBytes : 1 << 20;
        maxConnections = maxConnections != null ? maxConnections : DEFAULT_MAX_CONNECTIONS;
        headerTimeout = headerTimeout != null ? headerTimeout : DEFAULT_HEADER_TIMEOUT;
        requestTimeout = requestTimeout != null ? requestTimeout : DEFAULT_REQUEST_TIMEOUT;
        idleTimeout = idleTimeout != null ? idleTimeout : DEFAULT_IDLE_TIMEOUT;
        maxBufferedBytes = maxBufferedBytes != null ? maxBufferedBytes : DEFAULT_MAX_BUFFERED_BYTES;
        int colon = listen.lastIndexOf(':');
        if (colon <= 0) {
            throw new ConfigException("metrics.listen: expected host:port, got '" + listen + "'");
        }
        try {
            int port = Integer.parseInt(listen.substring(colon + 1));
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            throw new ConfigException("metrics.listen: bad port in '" + listen + "'");
        }
        if (maxRequestBytes < 1024 || maxRequestBytes > 64 << 20) {
            throw new ConfigException("metrics.max_request_bytes: must be between 1024 and 67108864, got " + maxRequestBytes);
        }
        if (maxConnections < 1 || maxConnections > 4096) {
            throw new ConfigException("metrics.max_connections: must be between 1 and 4096, got " + maxConnections);
        }
        between("metrics.header_timeout", headerTimeout);
        between("metrics.request_timeout", requestTimeout);
        between("metrics.idle_timeout", idleTimeout);
        if (requestTimeout.compareTo(headerTimeout) < 0) {
            throw new ConfigException("metrics.request_timeout: must be at least metrics.header_timeout ("
                    + headerTimeout.toMillis() + "ms), got " + requestTimeout.toMillis() + "ms");
        }
        if (maxBufferedBytes < maxRequestBytes || maxBufferedBytes > 1L << 30) {
            throw new ConfigException("metrics.max_buffered_bytes: must be between metrics.max_request_bytes ("
                    + maxRequestBytes + ") and 1073741824, got " + maxBufferedBytes);
        }
    }

    private static void between(String key, Duration d) {
        if (d.toMillis() < 1 || d.compareTo(Duration.ofHours(1)) > 0) {
            throw new ConfigException(key + ": must be between 1ms and 1h, got " + d.toMillis() + "ms");
        }
    }

    static MetricsSection defaults() {
        return new MetricsSection(null, null, null, null, null, null, null, null, null);
    }

    /** The same section listening on {@code address} (the {@code --metrics-listen} option). */
    public MetricsSection withListen(String address) {
        return new MetricsSection(enabled, address, scoreApi, maxRequestBytes, maxConnections, headerTimeout,
                requestTimeout, idleTimeout, maxBufferedBytes);
    }

    public String host() {
        String h = listen.substring(0, listen.lastIndexOf(':'));
        return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    }

    public int port() {
        return Integer.parseInt(listen.substring(listen.lastIndexOf(':') + 1));
    }
}
