package gatewatch.sensor.forward;

import java.time.Duration;

/**
 * An HTTP webhook forwarder: POSTs a JSON array of alerts to {@code http://host:port/path}.
 *
 * @param path           the request path, starting with '/'
 * @param batchSize      alerts per request at most
 * @param linger         how long a part-filled batch waits for more alerts; zero sends at once
 * @param requestTimeout how long to wait for the response before the request counts as failed
 *                       (and is sent again on a new connection)
 */
public record HttpWebhookConfig(TargetConfig target, String path, int batchSize, Duration linger,
                                Duration requestTimeout) {
    public static final int DEFAULT_BATCH_SIZE = 100;
    public static final int MAX_BATCH_SIZE = 10_000;
    public static final Duration DEFAULT_LINGER = Duration.ofSeconds(1);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);

    public HttpWebhookConfig {
        if (target == null) {
            throw new IllegalArgumentException("target is missing");
        }
        String where = target.where();
        if (path == null || !path.startsWith("/") || !path.chars().allMatch(c -> c > 32 && c < 127)) {
            throw new IllegalArgumentException(where + "path must start with '/' and be printable ASCII without spaces, got " + path);
        }
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException(where + "batchSize must be 1.." + MAX_BATCH_SIZE + ", got " + batchSize);
        }
        if (batchSize > target.bufferSize()) {
            throw new IllegalArgumentException(where + "batchSize (" + batchSize + ") exceeds bufferSize (" + target.bufferSize() + ")");
        }
        if (linger == null || linger.isNegative()) {
            throw new IllegalArgumentException(where + "linger must be zero or more, got " + linger);
        }
        TargetConfig.requirePositive(where, "requestTimeout", requestTimeout);
    }

    public static HttpWebhookConfig of(TargetConfig target, String path) {
        return new HttpWebhookConfig(target, path, DEFAULT_BATCH_SIZE, DEFAULT_LINGER, DEFAULT_REQUEST_TIMEOUT);
    }

    public HttpWebhookConfig withBatching(int size, Duration lingerFor) {
        return new HttpWebhookConfig(target, path, size, lingerFor, requestTimeout);
    }

    public HttpWebhookConfig withRequestTimeout(Duration timeout) {
        return new HttpWebhookConfig(target, path, batchSize, linger, timeout);
    }
}
