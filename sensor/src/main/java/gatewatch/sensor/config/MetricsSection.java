package gatewatch.sensor.config;

/**
 * {@code metrics:} — the HTTP endpoint for Prometheus ({@code /metrics}), health ({@code /healthz})
 * and, when enabled, the scoring API ({@code POST /v1/score}).
 *
 * @param enabled         serve the endpoint
 * @param listen          {@code host:port}; loopback by default
 * @param scoreApi        serve {@code POST /v1/score} (off by default; bound to loopback only when on)
 * @param maxRequestBytes largest request body accepted by the scoring API
 */
public record MetricsSection(Boolean enabled, String listen, Boolean scoreApi, Integer maxRequestBytes) {
    public MetricsSection {
        enabled = enabled != null ? enabled : Boolean.TRUE;
        listen = listen != null ? listen : "127.0.0.1:9810";
        scoreApi = scoreApi != null ? scoreApi : Boolean.FALSE;
        maxRequestBytes = maxRequestBytes != null ? maxRequestBytes : 1 << 20;
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
    }

    static MetricsSection defaults() {
        return new MetricsSection(null, null, null, null);
    }

    public String host() {
        String h = listen.substring(0, listen.lastIndexOf(':'));
        return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    }

    public int port() {
        return Integer.parseInt(listen.substring(listen.lastIndexOf(':') + 1));
    }
}
