package gatewatch.sensor.http;

import static org.assertj.core.api.Assertions.assertThat;

import gatewatch.detector.model.Category;
import gatewatch.detector.model.Verdict;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Connection behaviour a client library hides: keep-alive, pipelining, bad requests, close. */
class RawHttpTest {
    private static final String NORMAL = "0,tcp,http,SF,181,5450,0,0,0,0,0,1,0,0,0,0,0,0,0,0,0,0,8,8,0.00,0.00,0.00,"
            + "0.00,1.00,0.00,0.00,9,9,1.00,0.00,0.11,0.00,0.00,0.00,0.00,0.00";

    /** One response: status line, headers (lower-case names), body by Content-Length. */
    record Response(String status, List<String> headers, String body) {
        String header(String name) {
            return headers.stream().filter(h -> h.startsWith(name + ":")).map(h -> h.substring(name.length() + 1).strip())
                    .findFirst().orElse(null);
        }
    }

    private static Response read(BufferedReader in) throws IOException {
        String status = in.readLine();
        List<String> headers = new ArrayList<>();
        String line;
        while ((line = in.readLine()) != null && !line.isEmpty()) {
            int colon = line.indexOf(':');
            headers.add(line.substring(0, colon).toLowerCase() + line.substring(colon));
        }
        Response partial = new Response(status, headers, "");
        int length = Integer.parseInt(partial.header("content-length"));
        char[] body = new char[length];
        int n = 0;
        while (n < length) {
            int r = in.read(body, n, length - n);
            if (r < 0) {
                break;
            }
            n += r;
        }
        return new Response(status, headers, new String(body, 0, n));
    }

    private static Socket connect(TestServer s) throws IOException {
        Socket socket = new Socket("127.0.0.1", s.address.getPort());
        socket.setSoTimeout((int) TestServer.HANG.toMillis());
        return socket;
    }

    @Test
    void keepAliveServesManyRequestsOnOneConnection() throws IOException {
        try (TestServer s = TestServer.plain(() -> Health.OK); Socket socket = connect(s)) {
            OutputStream out = socket.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            for (int i = 0; i < 3; i++) {
                out.write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Response r = read(in);
                assertThat(r.status()).isEqualTo("HTTP/1.1 200 OK");
                assertThat(r.body()).isEqualTo("ok\n");
            }
            out.write("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Response last = read(in);
            assertThat(last.header("connection")).isEqualTo("close");
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrderEvenBehindASlowScore() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Scorer slow = (batch, n, out) -> {
            try {
                release.await(TestServer.HANG.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            for (int i = 0; i < n; i++) {
                out[i] = new Verdict(Category.NORMAL, "normal", 1.0, 0.1, List.of());
            }
        };
        try (TestServer s = TestServer.scoring(slow); Socket socket = connect(s)) {
            OutputStream out = socket.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String body = NORMAL + "\n";
            String requests = "POST /v1/score HTTP/1.1\r\nHost: x\r\nContent-Type: text/csv\r\nContent-Length: "
                    + body.length() + "\r\n\r\n" + body
                    + "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "GET /nowhere HTTP/1.1\r\nHost: x\r\n\r\n";
            out.write(requests.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            release.countDown();

            Response first = read(in);
            assertThat(first.status()).isEqualTo("HTTP/1.1 200 OK");
            assertThat(first.body()).startsWith("[{\"category\":\"normal\"");
            assertThat(read(in).body()).isEqualTo("ok\n");
            assertThat(read(in).status()).isEqualTo("HTTP/1.1 404 Not Found");
        }
    }

    @Test
    void aRequestTheCodecCannotReadIs400AndTheConnectionCloses() throws IOException {
        try (TestServer s = TestServer.plain(() -> Health.OK); Socket socket = connect(s)) {
            OutputStream out = socket.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            out.write("GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: nope\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Response r = read(in);
            assertThat(r.status()).isEqualTo("HTTP/1.1 400 Bad Request");
            assertThat(r.body()).startsWith("malformed HTTP request");
            assertThat(in.read()).isEqualTo(-1);
        }
    }
}
