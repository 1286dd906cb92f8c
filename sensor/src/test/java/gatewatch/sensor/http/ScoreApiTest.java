package gatewatch.sensor.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gatewatch.detector.encode.DetectorRow;
import gatewatch.detector.model.Category;
import gatewatch.detector.model.Verdict;
import gatewatch.features.kdd.KddFeature;
import gatewatch.features.kdd.KddFlag;
import gatewatch.features.kdd.KddRecord;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code POST /v1/score} with a fake scorer: both input formats, and every way a request is turned down. */
class ScoreApiTest {
    /**
     * Says dos/neptune for a SYN without answer (flag S0), normal otherwise; the label is the service
     * and the confidence src_bytes / 10000, so a response shows which record each verdict is for.
     */
    private static final Scorer FAKE = (rows, n, out) -> {
        for (int i = 0; i < n; i++) {
            KddRecord r = KddRecord.of(Arrays.copyOfRange(rows, i * DetectorRow.WIDTH,
                    i * DetectorRow.WIDTH + KddFeature.COUNT_OF_FEATURES));
            boolean s0 = r.flag() == KddFlag.S0;
            out[i] = new Verdict(s0 ? Category.DOS : Category.NORMAL, r.service().kddName(),
                    Math.min(1.0, r.get(KddFeature.SRC_BYTES) / 10_000), s0 ? 0.61 : 0.2,
                    s0 ? List.of("count", "serror_rate") : List.of());
        }
    };

    private final ObjectMapper mapper = new ObjectMapper();
    private final TestServer server = TestServer.scoring(FAKE);

    @AfterEach
    void close() {
        server.close();
    }

    private JsonNode ok(HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type")).hasValue("application/json");
        return mapper.readTree(r.body());
    }

    private void rejected(HttpResponse<String> r, int status, String... message) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("content-type")).hasValue("text/plain; charset=utf-8");
        assertThat(r.body()).contains(message).endsWith("\n").hasLineCount(1);
    }

    private HttpResponse<String> json(String body) {
        return server.post("/v1/score", "application/json", body);
    }

    private HttpResponse<String> csv(String body) {
        return server.post("/v1/score", "text/csv", body);
    }

    @Test
    void jsonRecordsGetOneVerdictEachInOrder() throws Exception {
        JsonNode verdicts = ok(json(Rows.json(Rows.NEPTUNE, Rows.NORMAL)));
        assertThat(verdicts).hasSize(2);
        assertThat(verdicts.get(0).toString()).isEqualTo(
                "{\"category\":\"dos\",\"label\":\"private\",\"confidence\":0.0,\"anomaly_score\":0.61,"
                        + "\"reasons\":[\"count\",\"serror_rate\"]}");
        assertThat(verdicts.get(1).get("category").asText()).isEqualTo("normal");
        assertThat(verdicts.get(1).get("label").asText()).isEqualTo("http");
        assertThat(verdicts.get(1).get("confidence").asDouble()).isEqualTo(0.0181);
        assertThat(verdicts.get(1).get("reasons")).isEmpty();
    }

    @Test
    void csvLinesWithLabelsAndBlankLinesAreScored() throws Exception {
        String body = Rows.NORMAL + ",normal.\r\n\r\n" + Rows.SMURF + ",smurf.\n   \n" + Rows.NEPTUNE + "\n";
        JsonNode verdicts = ok(csv(body));
        assertThat(verdicts).hasSize(3);
        assertThat(verdicts.get(0).get("label").asText()).isEqualTo("http");
        assertThat(verdicts.get(1).get("label").asText()).isEqualTo("ecr_i");
        assertThat(verdicts.get(2).get("category").asText()).isEqualTo("dos");
        // text/plain is read the same way, charset parameters are fine.
        assertThat(ok(server.post("/v1/score", "text/plain; charset=utf-8", Rows.NORMAL))).hasSize(1);
    }

    @Test
    void anEmptyBatchIsAnEmptyAnswer() throws Exception {
        assertThat(ok(json("[]"))).isEmpty();
        assertThat(ok(csv("\n\n"))).isEmpty();
    }

    @Test
    void jsonThatIsNotAnArrayOfObjectsIs400() {
        rejected(json("[{\"duration\": 0,"), 400, "not valid JSON at line 1");
        rejected(json(""), 400, "empty body");
        rejected(json("{\"duration\": 0}"), 400, "record on line 1: missing feature 'protocol_type'");
        rejected(json("7"), 400, "expected a JSON array of records or JSON lines of records (objects), got number on line 1");
        rejected(json("[" + Rows.json(Rows.NORMAL).substring(1, Rows.json(Rows.NORMAL).length() - 1) + ", 7]"), 400,
                "record at index 1: expected an object of the 41 features, got number");
        rejected(json("[] []"), 400, "not valid JSON");
    }

    /**
     * One object a line as {@code gatewatch features --json} writes them: the connection's fields
     * (including a {@code flow} object with a {@code duration} of its own), the 41 under {@code features}.
     */
    private static String featuresJsonLines(String... csvLines) {
        StringBuilder sb = new StringBuilder();
        int port = 40000;
        for (String line : csvLines) {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("timestamp", "2023-11-14T22:13:21.000001Z");
            m.put("flow_id", 1234567L);
            m.put("src_ip", "10.0.0.1");
            m.put("src_port", port++);
            m.put("dest_ip", "10.0.0.2");
            m.put("dest_port", 80);
            m.put("proto", "TCP");
            m.put("community_id", "1:rUSOrBOeaLtaktO9u1rmBLHVrM0=");
            m.put("flow", Map.of("history", "ShADadFf", "duration", new java.math.BigDecimal("0.876545"),
                    "start", "2023-11-14T22:13:20.123456Z", "open_at_end", false));
            m.put("features", Rows.object(line));
            sb.append(Rows.json(List.of(m)), 1, Rows.json(List.of(m)).length() - 1).append('\n');
        }
        return sb.toString();
    }

    @Test
    void jsonLinesAsFeaturesJsonWritesThemAreScoredIgnoringTheConnectionFields() throws Exception {
        String body = featuresJsonLines(Rows.NEPTUNE, Rows.NORMAL, Rows.SMURF);
        for (String type : List.of("application/json", "application/x-ndjson", "application/jsonl")) {
            JsonNode verdicts = ok(server.post("/v1/score", type, body));
            assertThat(verdicts).hasSize(3);
            assertThat(verdicts.get(0).get("category").asText()).isEqualTo("dos");
            assertThat(verdicts.get(1).get("label").asText()).isEqualTo("http");
            assertThat(verdicts.get(2).get("label").asText()).isEqualTo("ecr_i");
        }
        // In an array as well.
        String array = "[" + String.join(",", featuresJsonLines(Rows.NORMAL, Rows.SMURF).strip().split("\n")) + "]";
        assertThat(ok(json(array))).hasSize(2);
        // Beside the features themselves (no "features" object), a connection field is a misspelt feature.
        List<Map<String, Object>> rows = objects(Rows.NORMAL);
        rows.get(0).put("src_ip", "10.0.0.1");
        rejected(json(Rows.json(rows)), 400, "record at index 0: unknown feature 'src_ip'");
        rejected(json("[{\"features\": 7}]"), 400, "record at index 0: features: expected an object of the 41 features, got number");
    }

    @Test
    void theOutputOfFeaturesJsonIsScoredAsItIs(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        java.nio.file.Path capture = gatewatch.features.testing.SharedData.require("pcaps/normal/zeek-ftp-ipv4.pcap");
        java.nio.file.Path out = tmp.resolve("ftp.json");
        int exit = gatewatch.sensor.cli.GatewatchCommand.commandLine()
                .execute("features", "--json", "-o", out.toString(), capture.toString());
        assertThat(exit).isZero();
        String body = java.nio.file.Files.readString(out);
        assertThat(body.lines()).hasSize(5);
        assertThat(ok(json(body))).hasSize(5);
    }

    @Test
    void jsonLinesNameTheLineOfABadRecordAndCountTowardsTheLimit() {
        String body = featuresJsonLines(Rows.NORMAL) + featuresJsonLines(Rows.NORMAL).replace("\"duration\"", "\"durration\"");
        rejected(json(body), 400, "record on line 2: unknown feature 'durration'");
        rejected(json(featuresJsonLines(Rows.NORMAL) + "[1]\n"), 400, "got array on line 2");
        String six = featuresJsonLines(Rows.NORMAL, Rows.NORMAL, Rows.NORMAL, Rows.NORMAL, Rows.NORMAL, Rows.NORMAL);
        rejected(json(six), 413, "more than 5 records");
    }

    @Test
    void scoresAreRoundedToFourDecimalsAsInTheAlertLog() {
        // The fake's confidence is src_bytes / 10000: 181 bytes is 0.0181, 1032 is 0.1032, 5 is 0.0005.
        String tiny = Rows.NORMAL.replace(",SF,181,", ",SF,5,");
        String bigger = Rows.NORMAL.replace(",SF,181,", ",SF,1234567,");
        HttpResponse<String> r = csv(Rows.NORMAL + "\n" + tiny + "\n" + bigger + "\n");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"confidence\":0.0181,\"anomaly_score\":0.2000")
                .contains("\"confidence\":0.0005,").contains("\"confidence\":1.0000,");
        // 14.5 bytes: a confidence of 0.00145, a half that 0.00145 * 10000 (14.4999...) rounds the wrong way.
        String half = Rows.NORMAL.replace(",SF,181,", ",SF,14.5,");
        assertThat(csv(half).body()).contains("\"confidence\":0.0015,");
    }

    @Test
    void aMissingFeatureIs400NamingIndexAndField() {
        List<Map<String, Object>> rows = objects(Rows.NORMAL, Rows.NORMAL);
        rows.get(1).remove("dst_host_srv_rerror_rate");
        rejected(json(Rows.json(rows)), 400, "record at index 1: missing feature 'dst_host_srv_rerror_rate'");
    }

    @Test
    void anUnknownFeatureNameIs400() {
        List<Map<String, Object>> rows = objects(Rows.NORMAL);
        rows.get(0).put("label", "normal");
        rejected(json(Rows.json(rows)), 400, "record at index 0: unknown feature 'label'");
    }

    @Test
    void anUnknownSymbolIs400() {
        List<Map<String, Object>> rows = objects(Rows.NORMAL, Rows.NORMAL, Rows.NORMAL);
        rows.get(2).put("service", "gopherz");
        rejected(json(Rows.json(rows)), 400, "record at index 2: service: unknown symbol 'gopherz'");
    }

    @Test
    void aValueOfTheWrongTypeIs400() {
        List<Map<String, Object>> rows = objects(Rows.NORMAL);
        rows.get(0).put("protocol_type", 0);
        rejected(json(Rows.json(rows)), 400, "record at index 0: protocol_type: expected a string such as \"tcp\", got number");

        rows.get(0).put("protocol_type", "tcp");
        rows.get(0).put("src_bytes", "181");
        rejected(json(Rows.json(rows)), 400, "record at index 0: src_bytes: expected a number, got string");

        rows.get(0).put("src_bytes", -1);
        rejected(json(Rows.json(rows)), 400, "record at index 0: src_bytes: expected a finite non-negative number, got -1");

        rows.get(0).put("src_bytes", null);
        rejected(json(Rows.json(rows)), 400, "record at index 0: src_bytes: expected a number, got null");
    }

    @Test
    void aFeatureGivenTwiceIs400() {
        String one = Rows.json(Rows.NORMAL);
        rejected(json(one.replace("{\"duration\":0,", "{\"duration\":0,\"duration\":1,")), 400,
                "Duplicate field 'duration'");
    }

    @Test
    void aBadCsvLineIs400NamingLineAndColumn() {
        rejected(csv(Rows.NORMAL + "\n\n" + Rows.NORMAL.replace("http", "gopherz") + "\n"), 400,
                "line 3: service: unknown symbol 'gopherz'");
        rejected(csv(Rows.NORMAL.replace("181", "lots")), 400, "line 1: src_bytes: not a number: 'lots'");
        rejected(csv("0,tcp,http\n"), 400, "line 1: expected at least 41 comma-separated fields, got 3");
        rejected(csv("duration,protocol_type\n"), 400, "line 1: expected at least 41");
    }

    @Test
    void aBodyThatIsNotUtf8Is400() {
        HttpResponse<String> r = server.send(server.request("/v1/score").header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {'0', ',', (byte) 0xff, (byte) 0xfe})).build());
        rejected(r, 400, "not UTF-8");
    }

    @Test
    void anotherOrNoContentTypeIs415() {
        rejected(server.post("/v1/score", "application/xml", "<a/>"), 415, "application/xml is not accepted");
        rejected(server.post("/v1/score", null, Rows.NORMAL), 415, "no Content-Type");
    }

    @Test
    void moreRecordsThanTheLimitIs413() {
        rejected(json(Rows.json(Rows.NORMAL, Rows.NORMAL, Rows.NORMAL, Rows.NORMAL, Rows.NORMAL, Rows.NORMAL)), 413,
                "more than 5 records in one request");
        rejected(csv((Rows.NORMAL + "\n").repeat(6)), 413, "more than 5 records");
        // Exactly the limit is fine, and blank lines do not count.
        assertThat(csv((Rows.NORMAL + "\n\n").repeat(5)).statusCode()).isEqualTo(200);
    }

    @Test
    void aBodyOverTheByteBoundIs413AndTheConnectionStaysUsable() throws Exception {
        String big = (Rows.NORMAL + "\n").repeat(120); // about 20 KB against 16 KiB
        rejected(csv(big), 413, "request body larger than 16384 bytes (metrics.max_request_bytes)");

        // Without a Content-Length (chunked), the bound is found while reading.
        HttpResponse<String> chunked = server.send(server.request("/v1/score").header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes()))).build());
        rejected(chunked, 413, "larger than 16384 bytes");

        assertThat(ok(csv(Rows.NORMAL))).hasSize(1);
    }

    @Test
    void aClientThatAsksBeforeSendingIsToldTheBoundFirst() throws Exception {
        String big = (Rows.NORMAL + "\n").repeat(120);
        HttpResponse<String> refused = server.send(server.request("/v1/score").expectContinue(true)
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(big)).build());
        rejected(refused, 413, "request body larger than 16384 bytes");

        HttpResponse<String> accepted = server.send(server.request("/v1/score").expectContinue(true)
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(Rows.NORMAL)).build());
        assertThat(ok(accepted)).hasSize(1);
    }

    @Test
    void getOnTheScoringPathIs405() {
        HttpResponse<String> r = server.get("/v1/score");
        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(r.headers().firstValue("allow")).hasValue("POST");
    }

    @Test
    void aScorerThatFailsIs500NotAHang() {
        try (TestServer broken = TestServer.scoring((batch, n, out) -> {
            throw new IllegalStateException("model not loaded");
        })) {
            HttpResponse<String> r = broken.post("/v1/score", "text/csv", Rows.NORMAL);
            assertThat(r.statusCode()).isEqualTo(500);
            assertThat(r.body()).contains("scoring failed", "model not loaded");
        }
    }

    @Test
    void whenTheScoringQueueIsFullTheAnswerIs503() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Scorer blocking = (batch, n, out) -> {
            running.countDown();
            try {
                release.await(TestServer.HANG.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            FAKE.scoreBatch(batch, n, out);
        };
        try (TestServer busy = TestServer.scoring(blocking)) {
            List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
            sent.add(busy.client.sendAsync(csvRequest(busy), HttpResponse.BodyHandlers.ofString()));
            assertThat(running.await(TestServer.HANG.toSeconds(), TimeUnit.SECONDS)).isTrue();
            // The one scoring thread is taken: of the queue's size plus one more, each on its own
            // connection, exactly one finds the queue full, and it is the only one answered now.
            for (int i = 0; i <= HttpServer.SCORING_QUEUE; i++) {
                sent.add(busy.client.sendAsync(csvRequest(busy), HttpResponse.BodyHandlers.ofString()));
            }
            @SuppressWarnings("unchecked")
            HttpResponse<String> first = (HttpResponse<String>) CompletableFuture.anyOf(sent.toArray(new CompletableFuture<?>[0]))
                    .get(TestServer.HANG.toSeconds(), TimeUnit.SECONDS);
            release.countDown();
            assertThat(first.statusCode()).isEqualTo(503);
            assertThat(first.body()).contains("busy");
            long ok = 0;
            for (CompletableFuture<HttpResponse<String>> f : sent) {
                ok += f.get(TestServer.HANG.toSeconds(), TimeUnit.SECONDS).statusCode() == 200 ? 1 : 0;
            }
            assertThat(ok).isEqualTo(1 + HttpServer.SCORING_QUEUE);
        }
    }

    private static HttpRequest csvRequest(TestServer s) {
        return s.request("/v1/score").header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(Rows.NORMAL)).build();
    }

    private static List<Map<String, Object>> objects(String... lines) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String line : lines) {
            rows.add(Rows.object(line));
        }
        return rows;
    }
}
