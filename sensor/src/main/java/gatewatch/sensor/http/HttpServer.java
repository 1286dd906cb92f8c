package gatewatch.sensor.http;

import gatewatch.sensor.config.ConfigException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sensor's HTTP endpoint: {@code GET /metrics}, {@code GET /healthz} and, when enabled,
 * {@code POST /v1/score}.
 *
 * <p>Threads: the event loop group is the caller's (the forwarders can share it), and this server
 * neither owns nor shuts it down; the server only closes its own channels. Scoring runs on one
 * thread of its own, so the API can take at most one core from the sensor, with a short queue
 * in front (503 when full).
 *
 * <p>Limits: at most {@code max_connections} open (a new one takes the slot of the oldest without
 * a request in hand, or is closed at accept when there is none), deadlines for a
 * request's headers and whole request that do not restart with each byte, bodies refused at
 * their headers where a route takes none, and a bound on the request bytes held across all
 * connections. What they cut short is counted ({@code gatewatch_http_*}) and logged a line at a
 * time ({@link HttpEvents}).
 *
 * <p>Pipeline, one job per handler: first-byte clock → HTTP codec → deadlines → gate (bodies and
 * the byte budget, 404/405/413/503 at the headers) → keep-alive → aggregation with the body bound
 * (413) → one request at a time → routing (404/405) → metrics | health | score → closing on errors.
 */
public final class HttpServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);
    static final int SCORING_QUEUE = 8;

    private final HttpServerConfig config;
    private final EventLoopGroup group;
    private final PrometheusMeterRegistry registry;
    private final Supplier<Health> health;
    private final Scorer scorer;
    private final HttpEvents events;
    private final Budget connectionSlots;
    private final Evictable evictable = new Evictable();
    private final Budget buffered;
    private final ConnectionErrors errors;
    private Channel serverChannel;
    private ChannelGroup connections;
    private ExecutorService scoring;

    /**
     * @param scorer what {@code POST /v1/score} scores with; required when {@code config.scoreApi()},
     *               ignored (may be null) otherwise
     */
    public HttpServer(HttpServerConfig config, EventLoopGroup group, PrometheusMeterRegistry registry,
            Supplier<Health> health, Scorer scorer) {
        this(config, group, registry, health, scorer, HttpEvents.DEFAULT_INTERVAL);
    }

    /** @param logInterval the least time between two log lines about cut-short connections */
    HttpServer(HttpServerConfig config, EventLoopGroup group, PrometheusMeterRegistry registry,
            Supplier<Health> health, Scorer scorer, java.time.Duration logInterval) {
        this.config = Objects.requireNonNull(config);
        this.group = Objects.requireNonNull(group);
        this.registry = Objects.requireNonNull(registry);
        this.health = Objects.requireNonNull(health);
        if (config.scoreApi() && scorer == null) {
            throw new IllegalArgumentException("the scoring API is on but no scorer was given");
        }
        this.scorer = config.scoreApi() ? scorer : null;
        this.events = new HttpEvents(registry, logInterval, System::nanoTime);
        this.errors = new ConnectionErrors(events);
        this.connectionSlots = new Budget(config.limits().maxConnections());
        this.buffered = new Budget(config.limits().maxBufferedBytes());
        Gauge.builder("gatewatch.http.connections.open", connectionSlots, Budget::used)
                .description("Connections open on the HTTP endpoint (at most metrics.max_connections)")
                .strongReference(true).register(registry);
        Gauge.builder("gatewatch.http.request.buffered", buffered, Budget::used).baseUnit("bytes")
                .description("Request bytes held across connections (at most metrics.max_buffered_bytes)")
                .strongReference(true).register(registry);
    }

    /**
     * Binds and starts serving.
     *
     * @return the bound address (the real port when the configured one is 0)
     * @throws ConfigException naming {@code metrics.listen} (and {@code metrics.score_api}) when the
     *     address cannot be used, or is not loopback while the scoring API is on
     */
    public synchronized InetSocketAddress start() {
        if (serverChannel != null) {
            throw new IllegalStateException("already started");
        }
        InetAddress address = resolve();
        ScoreService service = null;
        if (scorer != null) {
            scoring = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(SCORING_QUEUE),
                    r -> Thread.ofPlatform().name("gatewatch-score").daemon(true).unstarted(r));
            service = new ScoreService(scorer, config.maxRecords());
        }
        connections = new DefaultChannelGroup("gatewatch-http", group.next());
        ScoreService score = service;
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (!connectionSlots.tryReserve(1) && !evictFor(ch)) {
                            // Closed at once, with a reset: its descriptor is free before it could pile up.
                            events.record(HttpEvent.CONNECTION_REJECTED, ch.remoteAddress(), null);
                            ch.config().setSoLinger(0);
                            ch.close();
                            return;
                        }
                        ch.closeFuture().addListener(f -> connectionSlots.release(1));
                        connections.add(ch);
                        pipeline(ch.pipeline(), score);
                    }
                });
        try {
            serverChannel = bootstrap.bind(address, config.port()).syncUninterruptibly().channel();
        } catch (Exception e) { // a BindException arrives undeclared through syncUninterruptibly
            shutdownScoring();
            throw new ConfigException("metrics.listen: cannot listen on " + config.listen() + ": " + e.getMessage(), e);
        }
        InetSocketAddress bound = (InetSocketAddress) serverChannel.localAddress();
        LOG.info("HTTP endpoint on http://{}:{}/ (/metrics, /healthz{})", bound.getHostString(), bound.getPort(),
                scorer != null ? ", /v1/score" : "");
        return bound;
    }

    /**
     * Closes the connection that has waited longest without a request in hand and gives its slot
     * to {@code ch}. The count may pass the cap until the closes complete, by the connections being
     * closed, which all hold no request.
     */
    private boolean evictFor(SocketChannel ch) {
        Channel oldest = evictable.pollOldest();
        if (oldest == null) {
            return false;
        }
        oldest.pipeline().fireUserEventTriggered(RequestDeadlines.EVICT);
        connectionSlots.reserve(1);
        return true;
    }

    private void pipeline(ChannelPipeline p, ScoreService score) {
        RequestDeadlines deadlines = new RequestDeadlines(config.limits(), events, evictable);
        p.addLast("first-byte", deadlines.bytes());
        p.addLast("codec", new HttpServerCodec());
        p.addLast("deadlines", deadlines);
        p.addLast("gate", new RequestGate(score != null, config.maxRequestBytes(), buffered, events, deadlines));
        p.addLast("keep-alive", new HttpServerKeepAliveHandler());
        p.addLast("aggregator", new BoundedAggregator(config.maxRequestBytes()));
        p.addLast("in-order", new InOrderResponses());
        p.addLast("router", new Router(score != null));
        p.addLast("metrics", new MetricsResponder(registry));
        p.addLast("health", new HealthResponder(health));
        if (score != null) {
            p.addLast("score", new ScoreResponder(score, scoring));
        }
        p.addLast("errors", errors);
    }

    /** What we check is what we bind: the one address the host names. */
    private InetAddress resolve() {
        InetAddress address;
        try {
            address = InetAddress.getByName(config.host());
        } catch (UnknownHostException e) {
            throw new ConfigException("metrics.listen: unknown host '" + config.host() + "'");
        }
        if (config.scoreApi() && !address.isLoopbackAddress()) {
            throw new ConfigException("metrics.score_api is true, so metrics.listen must be a loopback address "
                    + "(127.0.0.1 or [::1]), got " + config.listen() + ": the scoring API has no authentication");
        }
        return address;
    }

    /** The bound address, or null before {@link #start()}. */
    public synchronized InetSocketAddress address() {
        return serverChannel == null ? null : (InetSocketAddress) serverChannel.localAddress();
    }

    /** Stops accepting, closes open connections and stops the scoring thread. The event loop group stays up. */
    @Override
    public synchronized void close() {
        if (serverChannel != null) {
            serverChannel.close().syncUninterruptibly();
            connections.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
            serverChannel = null;
        }
        shutdownScoring();
    }

    private void shutdownScoring() {
        if (scoring != null) {
            scoring.shutdownNow();
            try {
                scoring.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            scoring = null;
        }
    }
}
