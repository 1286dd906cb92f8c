package gatewatch.sensor.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One line of the daemon's alert log or records log, the fields the test matches on: the flow's
 * start (packet time, so it falls in the phase whose traffic opened the connection), endpoints,
 * service and flag, and the verdict with its reasons. The alert limit's {@code alert_suppressed}
 * summaries are not events of a connection; {@link #suppressedCount} adds them up.
 */
record Event(Instant start, String srcIp, int srcPort, String destIp, int destPort, String proto, String service,
        String flag, String history, String category, String label, double confidence, double anomalyScore,
        List<String> reasons) {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String SUPPRESSED = "alert_suppressed";

    static List<Event> read(Path jsonLines) throws IOException {
        List<Event> events = new ArrayList<>();
        if (!Files.exists(jsonLines)) {
            return events;
        }
        for (String line : Files.readAllLines(jsonLines)) {
            if (!line.isBlank()) {
                JsonNode o = MAPPER.readTree(line);
                String type = o.path("event_type").asText();
                // Connection events only: summaries and stats lines describe no one connection.
                if (!type.equals(SUPPRESSED) && !type.equals("stats")) {
                    events.add(parse(o));
                }
            }
        }
        return events;
    }

    /** Alerts the log counted in {@code alert_suppressed} events instead of writing them. */
    static long suppressedCount(Path jsonLines) throws IOException {
        long n = 0;
        for (String line : Files.readAllLines(jsonLines)) {
            JsonNode o = line.isBlank() ? null : MAPPER.readTree(line);
            if (o != null && o.path("event_type").asText().equals(SUPPRESSED)) {
                n += o.path("suppressed").path("count").asLong();
            }
        }
        return n;
    }

    private static Event parse(JsonNode o) {
        JsonNode flow = o.path("flow");
        JsonNode alert = o.path("alert");
        List<String> reasons = new ArrayList<>();
        alert.path("reasons").forEach(r -> reasons.add(r.asText()));
        return new Event(Instant.parse(flow.path("start").asText(o.path("timestamp").asText())),
                o.path("src_ip").asText(), o.path("src_port").asInt(), o.path("dest_ip").asText(),
                o.path("dest_port").asInt(), o.path("proto").asText(), flow.path("service").asText(),
                flow.path("flag").asText(), flow.path("history").asText(), alert.path("category").asText(),
                alert.path("label").asText(), alert.path("confidence").asDouble(),
                alert.path("anomaly_score").asDouble(), List.copyOf(reasons));
    }

    boolean isAlert() {
        return !category.equals("normal");
    }

    /** An ARP poisoning alert: no connection, {@code proto} ARP. */
    boolean isArp() {
        return proto.equals("ARP");
    }

    boolean isIpv6() {
        return srcIp.indexOf(':') >= 0;
    }

    boolean involves(String ip) {
        return srcIp.equals(ip) || destIp.equals(ip);
    }

    /** {@code category/label}, the key of the per-phase tallies. */
    String verdict() {
        return category + "/" + label;
    }

    /** One line for a failure message or the report: who, what, and why the model said so. */
    String describe() {
        return String.format(Locale.ROOT, "%s %s %s:%d -> %s:%d %s %s %s: %s (confidence %.3f, anomaly score %.3f,"
                + " reasons %s)", start, proto, srcIp, srcPort, destIp, destPort, service, flag, history, verdict(),
                confidence, anomalyScore, reasons);
    }
}
