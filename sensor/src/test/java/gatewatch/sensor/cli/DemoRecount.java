package gatewatch.sensor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gatewatch.synth.truth.TruthRules;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * The demo's counts made again from its kept files alone: the records log (every connection
 * with its verdict, JSON lines) matched to the truth file's rules by a reader written from the
 * format's documentation. Shares no code with {@link DemoTally}.
 */
final class DemoRecount {
    /** Connections, alerted, alerted in the truth's category, and the verdicts of those alerted. */
    static final class Tally {
        long connections;
        long alerted;
        long inCategory;
        final Map<String, Long> labels = new TreeMap<>();
    }

    /** Per attack episode, by the name the demo gives it. */
    final Map<String, Tally> episodes = new TreeMap<>();
    /** Normal connections per service. */
    final Map<String, Tally> normal = new TreeMap<>();
    long unmatched;
    long records;

    static DemoRecount of(Path truthFile, Path recordsFile) throws IOException {
        TruthRules rules = TruthRules.read(truthFile);
        ObjectMapper json = new ObjectMapper();
        DemoRecount r = new DemoRecount();
        for (String line : Files.readAllLines(recordsFile)) {
            JsonNode j = json.readTree(line);
            r.records++;
            Instant start = Instant.parse(j.get("flow").get("start").asText());
            BigDecimal seconds = BigDecimal.valueOf(start.getEpochSecond()).add(BigDecimal.valueOf(start.getNano(), 9));
            String service = j.get("flow").get("service").asText();
            TruthRules.Rule rule = rules.match(seconds, j.get("proto").asText().toLowerCase(java.util.Locale.ROOT),
                    j.get("src_ip").asText(), j.get("src_port").asInt(), j.get("dest_ip").asText(), j.get("dest_port").asInt());
            if (rule == null) {
                r.unmatched++;
                continue;
            }
            Tally t;
            if (rule.category().equals("normal")) {
                t = r.normal.computeIfAbsent(service, k -> new Tally());
            } else {
                // The file gives the KDD label, and both guessing episodes are guess_passwd: the
                // synthesizer's FTP one is the one over ftp.
                String episode = rule.label().equals("guess_passwd") && service.equals("ftp") ? "guess_passwd_ftp" : rule.label();
                t = r.episodes.computeIfAbsent(episode, k -> new Tally());
            }
            t.connections++;
            String category = j.get("alert").get("category").asText();
            if (!category.equals("normal")) {
                t.alerted++;
                if (category.equals(rule.category())) {
                    t.inCategory++;
                }
                String label = j.get("alert").get("label").asText();
                t.labels.merge(label.equals(category) ? category : category + "/" + label, 1L, Long::sum);
            }
        }
        return r;
    }

    long normalConnections() {
        return normal.values().stream().mapToLong(t -> t.connections).sum();
    }

    long normalAlerted() {
        return normal.values().stream().mapToLong(t -> t.alerted).sum();
    }
}
