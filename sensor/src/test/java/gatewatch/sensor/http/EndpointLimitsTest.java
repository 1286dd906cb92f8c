package gatewatch.sensor.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import gatewatch.detector.model.Category;
import gatewatch.detector.model.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * What keeps local clients from exhausting the endpoint: the connection cap, deadlines that do not
 * restart with each byte, bodies refused at their headers, the bound on buffered bytes, and one
 * counted log line for a flood of abandoned uploads. Deadlines are short here (300 ms) so that the
 * tests run quickly; no test asserts how fast anything happens, only what happens.
 */
class EndpointLimitsTest {
    private static final Duration SHORT = Duration.ofMillis(300);
    private static final Duration LONG = Duration.ofMinutes(5);
    private static final String ROW = "0,tcp,http,SF,181,5450,0,0,0,0,0,1,0,0,0,0,0,0,0,0,0,0,8,8,0.00,0.00,0.00,"
            + "0.00,1.00,0.00,0.00,9,9,1.00,0.00,0.11,0.00,0.00,0.00,0.00,0.00\n";
    private static final Scorer NORMAL = (batch, n, out) -> {
        for (int i = 0; i < n; i++) {
            out[i] = new Verdict(Category.NORMAL, "normal", 1.0, 0.1, List.of());
        }
    };

    private static TestServer server(boolean score, int maxConnections, Duration header, long maxBuffered) {
        HttpServerConfig.Limits limits = new HttpServerConfig.Limits(maxConnections, header,
                header.compareTo(LONG) < 0 ? header.multipliedBy(2) : LONG, LONG, maxBuffered);
        return new TestServer(new HttpServerConfig("127.0.0.1", 0, score, 1 << 20, 100, limits),
                () -> Health.OK, score ? NORMAL : null, LONG);
    }

    private static Socket connect(TestServer s) throws IOException {
        Socket socket = new Socket("127.0.0.1", s.address.getPort());
        socket.setSoTimeout((int) TestServer.HANG.toMillis());
        return socket;
    }

    private static void send(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** True once the server has closed the connection (end of stream or a reset). */
    private static boolean closedByServer(Socket socket) throws IOException {
        try {
            return socket.getInputStream().read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            return true;
        }
    }

    /** Reads what the server sends until it closes: the whole answer of a refusal. */
    private static String readToClose(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        StringBuilder sb = new StringBuilder();
        try {
            int b;
            while ((b = in.read()) >= 0) {
                sb.append((char) b);
            }
        } catch (SocketException e) {
            // a reset after the answer: what was read is the answer
        }
        return sb.toString();
    }

    private static double counter(TestServer s, String name, String... tags) {
        return s.registry.get(name).tags(tags).counter().count();
    }

    private static double gauge(TestServer s, String name) {
        return s.registry.get(name).gauge().value();
    }

    /** Waits (bounded by {@link TestServer#HANG}) until {@code value} reads {@code expected}. */
    private static void awaitValue(DoubleSupplier value, double expected) throws InterruptedException {
        long end = System.nanoTime() + TestServer.HANG.toNanos();
        while (value.getAsDouble() != expected && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        assertThat(value.getAsDouble()).isEqualTo(expected);
    }

    @Test
    void aClientTricklingItsHeadersIsClosedAtTheHeaderDeadline() throws Exception {
        try (TestServer s = server(false, 8, SHORT, 1 << 20); Socket socket = connect(s)) {
            // A byte every 100 ms: each byte would restart a read timeout, never the header deadline.
            socket.setSoTimeout(100);
            String request = "GET /metrics HTTP/1.1\r\nHost: x\r\nX-Slow: " + "a".repeat(400);
            boolean closed = false;
            for (int i = 0; i < request.length() && !closed; i++) {
                try {
                    send(socket, request.substring(i, i + 1));
                } catch (SocketException e) {
                    closed = true;
                    break;
                }
                closed = closedByServer(socket);
            }
            assertThat(closed).as("closed before the headers were sent in full").isTrue();
            assertThat(counter(s, "gatewatch.http.timeouts", "deadline", "header")).isEqualTo(1);
        }
    }

    @Test
    void aFullEndpointMakesRoomForANewClientByClosingTheOldestSlowOne() throws Exception {
        // Deadlines far off: only the cap acts. Four slow clients hold every slot with half a request.
        try (TestServer s = server(false, 4, LONG, 1 << 20)) {
            List<Socket> slow = new ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) {
                    Socket socket = connect(s);
                    slow.add(socket);
                    send(socket, "GET /metrics HTTP/1.1\r\n");
                    awaitValue(() -> gauge(s, "gatewatch.http.connections.open"), slow.size());
                }
                // Prometheus arrives with its headers at once and is answered, not locked out.
                assertThat(s.get("/metrics").statusCode()).isEqualTo(200);
                assertThat(counter(s, "gatewatch.http.connections.evicted")).isEqualTo(1);
                assertThat(counter(s, "gatewatch.http.connections.rejected")).isZero();
                assertThat(closedByServer(slow.getFirst())).as("the oldest slow client").isTrue();
                slow.get(1).setSoTimeout(100);
                assertThat(closedByServer(slow.get(1))).as("a younger slow client").isFalse();
            } finally {
                for (Socket socket : slow) {
                    socket.close();
                }
            }
        }
    }

    @Test
    void aSlowUploadGivesWayToANewClientAndGivesBackItsBytes() throws Exception {
        try (TestServer s = server(true, 1, LONG, 1 << 20); Socket upload = connect(s)) {
            send(upload, "POST /v1/score HTTP/1.1\r\nHost: x\r\nContent-Type: text/csv\r\nContent-Length: 16000\r\n\r\n"
                    + "0,tcp,http,SF,");
            awaitValue(() -> gauge(s, "gatewatch.http.request.buffered"), 16_000);
            assertThat(s.get("/metrics").statusCode()).isEqualTo(200);
            assertThat(counter(s, "gatewatch.http.connections.evicted")).isEqualTo(1);
            assertThat(closedByServer(upload)).isTrue();
            awaitValue(() -> gauge(s, "gatewatch.http.request.buffered"), 0);
        }
    }

    @Test
    void aConnectionOverTheCapIsRefusedWhenEveryOneHasARequestInHand() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Scorer slow = (batch, n, out) -> {
            try {
                release.await(TestServer.HANG.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            NORMAL.scoreBatch(batch, n, out);
        };
        HttpServerConfig.Limits limits = new HttpServerConfig.Limits(2, LONG, LONG, LONG, 1 << 20);
        try (TestServer s = new TestServer(new HttpServerConfig("127.0.0.1", 0, true, 1 << 20, 100, limits),
                () -> Health.OK, slow, LONG)) {
            String request = "POST /v1/score HTTP/1.1\r\nHost: x\r\nContent-Type: text/csv\r\nContent-Length: "
                    + ROW.length() + "\r\n\r\n" + ROW;
            try (Socket first = connect(s); Socket second = connect(s)) {
                send(first, request);
                send(second, request);
                awaitValue(() -> gauge(s, "gatewatch.http.request.buffered"), 2 * ROW.length());
                try (Socket third = connect(s)) {
                    assertThat(closedByServer(third)).isTrue();
                }
                assertThat(counter(s, "gatewatch.http.connections.rejected")).isEqualTo(1);
                assertThat(counter(s, "gatewatch.http.connections.evicted")).isZero();
                release.countDown();
                for (Socket socket : List.of(first, second)) {
                    var in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                            StandardCharsets.US_ASCII));
                    assertThat(in.readLine()).isEqualTo("HTTP/1.1 200 OK");
                }
            }
            awaitValue(() -> gauge(s, "gatewatch.http.connections.open"), 0);
            assertThat(s.get("/metrics").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aBodyOnARouteThatTakesNoneIsRefusedAtItsHeaders() throws Exception {
        // A 1 MB body is within max_request_bytes: only the route says no. Only the headers are
        // sent, so an answer proves the body was never waited for, let alone buffered.
        try (TestServer s = server(false, 8, LONG, 1 << 20)) {
            try (Socket socket = connect(s)) {
                send(socket, "POST /metrics HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000\r\n\r\n");
                String answer = readToClose(socket);
                assertThat(answer).startsWith("HTTP/1.1 405 Method Not Allowed").contains("allow: GET");
            }
            try (Socket socket = connect(s)) {
                send(socket, "GET /metrics HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
                assertThat(readToClose(socket)).startsWith("HTTP/1.1 413").contains("takes no request body");
            }
            try (Socket socket = connect(s)) {
                send(socket, "PUT /elsewhere HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000\r\n\r\n");
                assertThat(readToClose(socket)).startsWith("HTTP/1.1 404");
            }
            assertThat(counter(s, "gatewatch.http.requests.refused", "reason", "body_not_allowed")).isEqualTo(3);
            assertThat(gauge(s, "gatewatch.http.request.buffered")).isZero();
        }
    }

    @Test
    void aRefusedUploadThatLingersGivesWayToANewClient() throws Exception {
        try (TestServer s = server(false, 1, LONG, 1 << 20); Socket lingering = connect(s)) {
            send(lingering, "POST /metrics HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000\r\n\r\n");
            var in = new java.io.BufferedReader(new java.io.InputStreamReader(lingering.getInputStream(),
                    StandardCharsets.US_ASCII));
            assertThat(in.readLine()).startsWith("HTTP/1.1 405");
            // The client neither sends its body nor closes: its slot is still given to Prometheus.
            assertThat(s.get("/metrics").statusCode()).isEqualTo(200);
            assertThat(counter(s, "gatewatch.http.connections.evicted")).isEqualTo(1);
            assertThat(gauge(s, "gatewatch.http.request.buffered")).isZero();
            assertThat(s.get("/healthz").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void theBytesBufferedAcrossConnectionsAreBounded() throws Exception {
        try (TestServer s = server(true, 8, LONG, 20_000)) {
            try (Socket first = connect(s)) {
                send(first, "POST /v1/score HTTP/1.1\r\nHost: x\r\nContent-Type: text/csv\r\nContent-Length: 16000\r\n\r\n"
                        + "0,tcp,http,SF,");
                awaitValue(() -> gauge(s, "gatewatch.http.request.buffered"), 16_000);
                try (Socket second = connect(s)) {
                    send(second, "POST /v1/score HTTP/1.1\r\nHost: x\r\nContent-Type: text/csv\r\n"
                            + "Content-Length: 16000\r\n\r\n");
                    assertThat(readToClose(second)).startsWith("HTTP/1.1 503").contains("metrics.max_buffered_bytes");
                }
                assertThat(counter(s, "gatewatch.http.requests.refused", "reason", "buffer_full")).isEqualTo(1);
            }
            awaitValue(() -> gauge(s, "gatewatch.http.request.buffered"), 0);
            assertThat(s.post("/v1/score", "text/csv", ROW).statusCode()).isEqualTo(200);
            awaitValue(() -> gauge(s, "gatewatch.http.request.buffered"), 0);
        }
    }

    @Test
    void aContinuedUploadIsScoredAndGivesItsBytesBack() throws Exception {
        String row = ROW;
        try (TestServer s = server(true, 8, LONG, 1 << 20); Socket socket = connect(s)) {
            send(socket, "POST /v1/score HTTP/1.1\r\nHost: x\r\nContent-Type: text/csv\r\nExpect: 100-continue\r\n"
                    + "Content-Length: " + row.length() + "\r\n\r\n");
            var in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            assertThat(in.readLine()).isEqualTo("HTTP/1.1 100 Continue");
            assertThat(in.readLine()).isEmpty();
            send(socket, row);
            assertThat(in.readLine()).isEqualTo("HTTP/1.1 200 OK");
            awaitValue(() -> gauge(s, "gatewatch.http.request.buffered"), 0);
        }
    }

    @Test
    void manyAbandonedUploadsAreCountedAndLoggedAsOneLine() throws Exception {
        Logger http = (Logger) LoggerFactory.getLogger("gatewatch.sensor.http");
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        http.addAppender(lines);
        try (TestServer s = server(true, 64, LONG, 4 << 20)) {
            for (int i = 0; i < 20; i++) {
                try (Socket socket = connect(s)) {
                    send(socket, "POST /v1/score HTTP/1.1\r\nHost: x\r\nContent-Type: text/csv\r\n"
                            + "Content-Length: 100000\r\n\r\n" + "0,tcp,http,SF,".repeat(50));
                }
            }
            awaitValue(() -> counter(s, "gatewatch.http.requests.aborted"), 20);
            assertThat(counter(s, "gatewatch.http.connections.rejected")).isZero();
        } finally {
            http.detachAppender(lines);
        }
        List<ILoggingEvent> warnings = lines.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN)).toList();
        assertThat(warnings).hasSize(1);
        assertThat(warnings.getFirst().getFormattedMessage()).contains("abandoned").doesNotContain("\n");
        assertThat(warnings.getFirst().getThrowableProxy()).isNull();
    }
}
