package gatewatch.sensor.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import gatewatch.features.kdd.KddFeature;
import gatewatch.features.kdd.KddFlag;
import gatewatch.features.kdd.KddRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads connection records as JSON: either one array of objects, or objects one after another
 * (JSON lines, as {@code gatewatch features --json} writes them). A record is an object of the 41
 * features keyed by their {@code kddcup.names} names (symbolic features as their
 * {@code kddcup.data} spelling, {@code "protocol_type":"tcp"}, the others as non-negative
 * numbers), or an object with that object under {@code features}, whose other fields describe the
 * connection: a line of {@code features --json}, of the records log or of the alert log can be
 * posted as it is. Of those fields one is read, Zeek's state ({@code flow.conn_state}), which the
 * detector uses beside the 41 and which the 41 cannot always say (a UDP or ICMP connection
 * answered without payload); the others are ignored. Any other name among the features is rejected, naming the
 * record (its index in an array, its line in JSON lines) and the field. Nothing is guessed or
 * defaulted.
 */
final class JsonRecords {
    private static final Map<String, KddFeature> BY_NAME = byName();

    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private final int maxRecords;

    JsonRecords(int maxRecords) {
        this.maxRecords = maxRecords;
    }

    List<ScoreRecord> parse(byte[] body) {
        try (JsonParser parser = mapper.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw RequestRejected.badRequest("empty body; expected a JSON array of records or JSON lines of records");
            }
            return first == JsonToken.START_ARRAY ? array(parser) : lines(parser);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw RequestRejected.badRequest("not valid JSON" + where + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw RequestRejected.badRequest("unreadable body: " + e.getMessage());
        }
    }

    private List<ScoreRecord> array(JsonParser parser) throws IOException {
        JsonNode root = mapper.readTree(parser);
        if (parser.nextToken() != null) {
            throw RequestRejected.badRequest("not valid JSON: more after the array of records");
        }
        if (root.size() > maxRecords) {
            throw RequestRejected.tooManyRecords(maxRecords);
        }
        List<ScoreRecord> records = new ArrayList<>(root.size());
        for (int i = 0; i < root.size(); i++) {
            records.add(record("record at index " + i, root.get(i)));
        }
        return records;
    }

    /** Objects one after another, whatever the white space between them (a line each, as a rule). */
    private List<ScoreRecord> lines(JsonParser parser) throws IOException {
        List<ScoreRecord> records = new ArrayList<>();
        for (JsonToken t = parser.currentToken(); t != null; t = parser.nextToken()) {
            long line = parser.currentTokenLocation().getLineNr();
            if (t != JsonToken.START_OBJECT) {
                throw RequestRejected.badRequest("expected a JSON array of records or JSON lines of records (objects), "
                        + "got " + kind(mapper.readTree(parser)) + " on line " + line);
            }
            if (records.size() == maxRecords) {
                throw RequestRejected.tooManyRecords(maxRecords);
            }
            records.add(record("record on line " + line, mapper.readTree(parser)));
        }
        return records;
    }

    private static ScoreRecord record(String at, JsonNode node) {
        if (!node.isObject()) {
            throw RequestRejected.badRequest(at + ": expected an object of the 41 features, got " + kind(node));
        }
        JsonNode features = node.get("features");
        if (features == null) {
            return ScoreRecord.of(features(at, node));
        }
        if (!features.isObject()) {
            throw RequestRejected.badRequest(at + ": features: expected an object of the 41 features, got " + kind(features));
        }
        return new ScoreRecord(features(at, features), connState(at, node.get("flow")));
    }

    /** {@code flow.conn_state}, or null when the record has no {@code flow} or it has no state. */
    private static KddFlag connState(String at, JsonNode flow) {
        if (flow == null || !flow.isObject()) {
            return null;
        }
        JsonNode state = flow.get("conn_state");
        if (state == null || state.isNull()) {
            return null;
        }
        List<String> names = KddFeature.FLAG.symbolNames();
        int code = state.isTextual() ? names.indexOf(state.textValue()) : -1;
        if (code < 0) {
            throw RequestRejected.badRequest(at + ": flow.conn_state: expected one of " + String.join(", ", names)
                    + ", got " + state);
        }
        return KddFlag.values()[code];
    }

    private static KddRecord features(String at, JsonNode node) {
        double[] v = new double[KddFeature.COUNT_OF_FEATURES];
        boolean[] seen = new boolean[KddFeature.COUNT_OF_FEATURES];
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            KddFeature f = BY_NAME.get(field.getKey());
            if (f == null) {
                throw RequestRejected.badRequest(at + ": unknown feature '" + field.getKey()
                        + "' (the names are those of kddcup.names, e.g. src_bytes; a record is the 41 features, "
                        + "or an object with them under \"features\" as gatewatch features --json writes)");
            }
            v[f.ordinal()] = value(at, f, field.getValue());
            seen[f.ordinal()] = true;
        }
        for (KddFeature f : KddFeature.values()) {
            if (!seen[f.ordinal()]) {
                throw RequestRejected.badRequest(at + ": missing feature '" + f.kddName() + "'");
            }
        }
        return KddRecord.of(v);
    }

    private static double value(String at, KddFeature f, JsonNode node) {
        if (f.isSymbolic()) {
            if (!node.isTextual()) {
                throw RequestRejected.badRequest(at + ": " + f.kddName() + ": expected a string such as \""
                        + f.symbolNames().getFirst() + "\", got " + kind(node));
            }
            // A symbol's code is its index in the feature's symbol table (KddRecord's encoding).
            int code = f.symbolNames().indexOf(node.textValue());
            if (code < 0) {
                throw RequestRejected.badRequest(at + ": " + f.kddName() + ": unknown symbol '" + node.textValue() + "'");
            }
            return code;
        }
        if (!node.isNumber()) {
            throw RequestRejected.badRequest(at + ": " + f.kddName() + ": expected a number, got " + kind(node));
        }
        double d = node.doubleValue();
        if (!Double.isFinite(d) || d < 0) {
            throw RequestRejected.badRequest(at + ": " + f.kddName() + ": expected a finite non-negative number, got "
                    + node.asText());
        }
        return d;
    }

    private static String kind(JsonNode node) {
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    private static Map<String, KddFeature> byName() {
        Map<String, KddFeature> m = new HashMap<>();
        for (KddFeature f : KddFeature.values()) {
            m.put(f.kddName(), f);
        }
        return Map.copyOf(m);
    }
}
