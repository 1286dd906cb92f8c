package gatewatch.sensor.http;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

/** An {@link HttpServer} on 127.0.0.1 and an ephemeral port, with a JDK client pointed at it. */
final class TestServer implements AutoCloseable {
    /** Only to catch a hang: no test waits for time to pass. */
    static final Duration HANG = Duration.ofSeconds(20);

    final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(HANG).build();
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final HttpServer server;
    final InetSocketAddress address;

    TestServer(HttpServerConfig config, Supplier<Health> health, Scorer scorer) {
        this(config, health, scorer, HttpEvents.DEFAULT_INTERVAL);
    }

    TestServer(HttpServerConfig config, Supplier<Health> health, Scorer scorer, Duration logInterval) {
        server = new HttpServer(config, group, registry, health, scorer, logInterval);
        try {
            address = server.start();
        } catch (RuntimeException e) {
            group.shutdownGracefully(0, 0, java.util.concurrent.TimeUnit.SECONDS);
            throw e;
        }
    }

    /** Metrics and health only. */
    static TestServer plain(Supplier<Health> health) {
        return new TestServer(new HttpServerConfig("127.0.0.1", 0, false, 4096, 100), health, null);
    }

    /** With the scoring API: 16 KiB bodies, 5 records a request. */
    static TestServer scoring(Scorer scorer) {
        return new TestServer(new HttpServerConfig("127.0.0.1", 0, true, 16384, 5), () -> Health.OK, scorer);
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + address.getPort() + path);
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(HANG);
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    HttpResponse<String> post(String path, String contentType, String body) {
        HttpRequest.Builder b = request(path).POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return send(b.build());
    }

    @Override
    public void close() {
        server.close();
        client.close();
        group.shutdownGracefully(0, 0, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
        registry.close();
    }
}
