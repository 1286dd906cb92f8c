package gatewatch.sensor.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import gatewatch.features.kdd.KddFeature;
import gatewatch.features.kdd.KddRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a JSON array of connection records, each an object keyed by the 41 {@code kddcup.names}
 * feature names: symbolic features as their {@code kddcup.data} spelling ({@code "protocol_type":"tcp"}),
 * the others as non-negative numbers. Anything else is rejected naming the record's index (from 0)
 * and the field; nothing is guessed or defaulted.
 */
final class JsonRecords {
    private static final Map<String, KddFeature> BY_NAME = byName();

    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private final int maxRecords;

    JsonRecords(int maxRecords) {
        this.maxRecords = maxRecords;
    }

    List<KddRecord> parse(byte[] body) {
        JsonNode root = readTree(body);
        if (!root.isArray()) {
            throw RequestRejected.badRequest("expected a JSON array of records, got " + kind(root));
        }
        if (root.size() > maxRecords) {
            throw RequestRejected.tooManyRecords(maxRecords);
        }
        List<KddRecord> records = new ArrayList<>(root.size());
        for (int i = 0; i < root.size(); i++) {
            records.add(record(i, root.get(i)));
        }
        return records;
    }

    private JsonNode readTree(byte[] body) {
        try {
            JsonNode root = mapper.readTree(body);
            if (root == null || root.isMissingNode()) {
                throw RequestRejected.badRequest("empty body; expected a JSON array of records");
            }
            return root;
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw RequestRejected.badRequest("not valid JSON" + where + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw RequestRejected.badRequest("unreadable body: " + e.getMessage());
        }
    }

    private static KddRecord record(int index, JsonNode node) {
        String at = "record at index " + index;
        if (!node.isObject()) {
            throw RequestRejected.badRequest(at + ": expected an object of the 41 features, got " + kind(node));
        }
        double[] v = new double[KddFeature.COUNT_OF_FEATURES];
        boolean[] seen = new boolean[KddFeature.COUNT_OF_FEATURES];
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            KddFeature f = BY_NAME.get(field.getKey());
            if (f == null) {
                throw RequestRejected.badRequest(at + ": unknown feature '" + field.getKey()
                        + "' (the names are those of kddcup.names, e.g. src_bytes)");
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
