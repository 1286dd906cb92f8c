package gatewatch.sensor.forward;

import static gatewatch.sensor.forward.JsonLinesTcpForwarderTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The webhook against the JDK's HTTP server on loopback. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HttpWebhookForwarderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EventLoopGroup group;
    private HttpServer server;
    private int port;
    /** Copies of each alert id that the server accepted (answered 2xx). */
    private final Map<Integer, AtomicInteger> accepted = new ConcurrentHashMap<>();
    private final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
    private final Set<String> keys = ConcurrentHashMap.newKeySet();
    private final AtomicInteger requests = new AtomicInteger();
    /** Request number (from 1) and first id of the batch to the status the server answers. */
    private volatile java.util.function.BiFunction<Integer, Integer, Integer> status = (n, first) -> 200;

    @BeforeEach
    void setUp() throws IOException {
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        startServer(0);
    }

    private void startServer(int onPort) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), onPort), 50);
        server.createContext("/alerts", this::handle);
        server.start();
        port = server.getAddress().getPort();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            JsonNode batch = JSON.readTree(ex.getRequestBody());
            int n = requests.incrementAndGet();
            int code = status.apply(n, batch.get(0).get("id").asInt());
            if (code / 100 == 2) {
                String key = ex.getRequestHeaders().getFirst("Idempotency-Key");
                assertThat(keys.add(key)).as("a new batch has a new key").isTrue();
                batchSizes.add(batch.size());
                for (JsonNode alert : batch) {
                    accepted.computeIfAbsent(alert.get("id").asInt(), k -> new AtomicInteger()).incrementAndGet();
                }
            }
            ex.sendResponseHeaders(code, -1);
        }
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        server.stop(0);
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).sync();
    }

    private HttpWebhookForwarder forwarder(int batchSize, Duration linger) {
        TargetConfig target = TargetConfig.of("webhook", "127.0.0.1", port).withBufferSize(10_000)
                .withBackoff(Duration.ofMillis(20), Duration.ofMillis(500));
        return new HttpWebhookForwarder(HttpWebhookConfig.of(target, "/alerts").withBatching(batchSize, linger), group);
    }

    private void assertEachOnce(int n) {
        assertThat(accepted).hasSize(n).allSatisfy((id, c) -> assertThat(c.get()).as("copies of %d", id).isEqualTo(1));
    }

    @Test
    void batchesAreFullOrSentAfterTheLinger() throws Exception {
        try (HttpWebhookForwarder f = forwarder(100, Duration.ofMillis(200))) {
            for (int i = 0; i < 1_050; i++) {
                f.offer(TestAlerts.alert(i));
            }
            await("all delivered", () -> f.counters().sent() == 1_050, Duration.ofSeconds(20));
            assertThat(f.counters().buffered()).isZero();
        }
        assertEachOnce(1_050);
        assertThat(batchSizes).allSatisfy(s -> assertThat(s).isBetween(1, 100));
        assertThat(batchSizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(1_050);
        assertThat(batchSizes.stream().filter(s -> s == 100).count()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void serverErrorsAreRetriedUntil2xxAndEachAlertArrivesOnce() throws Exception {
        status = (n, first) -> n % 3 == 0 ? 200 : 503; // two of three requests fail
        try (HttpWebhookForwarder f = forwarder(50, Duration.ofMillis(10))) {
            for (int i = 0; i < 500; i++) {
                f.offer(TestAlerts.alert(i));
            }
            await("all delivered", () -> f.counters().sent() == 500, Duration.ofSeconds(30));
            assertThat(f.counters().possiblyDuplicated()).isGreaterThan(0);
            assertThat(f.counters().failedTotal()).isZero();
        }
        assertEachOnce(500);
    }

    @Test
    void aClientErrorRejectsThatBatchOnlyAndCountsIt() throws Exception {
        status = (n, first) -> first == 0 ? 400 : 200;
        try (HttpWebhookForwarder f = forwarder(10, Duration.ofMillis(10))) {
            for (int i = 0; i < 10; i++) {
                f.offer(TestAlerts.alert(i)); // first batch: 0..9, rejected
            }
            await("the first batch settled", () -> f.counters().failed(FailureCause.REJECTED) == 10, Duration.ofSeconds(10));
            for (int i = 10; i < 30; i++) {
                f.offer(TestAlerts.alert(i));
            }
            await("the rest delivered", () -> f.counters().sent() == 20, Duration.ofSeconds(10));
            assertThat(requests.get()).isEqualTo(3); // the rejected batch was not sent again
        }
        assertThat(accepted.keySet()).hasSize(20).allSatisfy(id -> assertThat(id).isBetween(10, 29));
    }

    @Test
    void aServerThatIsDownForAWhileGetsEveryAlertOnceWhenBack() throws Exception {
        AtomicInteger next = new AtomicInteger();
        try (HttpWebhookForwarder f = forwarder(20, Duration.ofMillis(50))) {
            IntUnaryOperator send = count -> {
                for (int i = 0; i < count; i++) {
                    f.offer(TestAlerts.alert(next.getAndIncrement()));
                }
                return count;
            };
            send.applyAsInt(100);
            await("the first part delivered", () -> f.counters().sent() == 100, Duration.ofSeconds(10));
            server.stop(0);
            send.applyAsInt(200);
            Thread.sleep(2_000);
            assertThat(f.counters().buffered()).isEqualTo(200);
            startServer(port);
            int before = requests.get();
            try {
                await("all delivered", () -> f.counters().sent() == 300, Duration.ofSeconds(20));
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + " " + f.counters() + " requests " + before + "->" + requests.get());
            }
        }
        assertEachOnce(300);
    }

    @Test
    void closeGivesUpWhatTheAbsentServerNeverTook() throws Exception {
        server.stop(0);
        HttpWebhookForwarder f = new HttpWebhookForwarder(HttpWebhookConfig.of(
                TargetConfig.of("webhook", "127.0.0.1", port).withCloseTimeout(Duration.ofMillis(300)), "/alerts"), group);
        for (int i = 0; i < 7; i++) {
            f.offer(TestAlerts.alert(i));
        }
        f.close();
        assertThat(f.counters().failed(FailureCause.GAVE_UP)).isEqualTo(7);
        assertThat(f.counters().buffered()).isZero();
        assertThat(f.offer(TestAlerts.alert(8))).isFalse();
        startServer(port); // for tearDown
    }
}
