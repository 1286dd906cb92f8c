package gatewatch.sensor.lab.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gatewatch.sensor.lab.LabException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code DIR/manifest.json}: one entry per recording, keyed by its file base name, replaced when
 * the same scenario and seed are recorded again; and {@code DIR/attack-types.txt}, every attack
 * label of the directory with its category, for {@code gatewatch train --attack-types}.
 */
public final class Manifest {
    public static final String FILE = "manifest.json";
    public static final String ATTACK_TYPES = "attack-types.txt";
    static final String FORMAT = "gatewatch lab manifest v1";

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    // Reading: a field a later version adds is no reason to refuse the recordings.
    private static final ObjectMapper READER = JSON.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Manifest() {
    }

    /** Adds or replaces {@code r} in {@code dir}'s manifest and rewrites attack-types.txt. */
    public static synchronized void update(Path dir, Recording r) {
        Path file = dir.resolve(FILE);
        try {
            ObjectNode root = Files.exists(file) ? (ObjectNode) JSON.readTree(file.toFile()) : JSON.createObjectNode();
            root.put("format", FORMAT);
            ObjectNode recordings = root.has("recordings") ? (ObjectNode) root.get("recordings") : root.putObject("recordings");
            recordings.set(r.key(), JSON.valueToTree(r));
            ObjectNode sorted = JSON.createObjectNode();
            new TreeMap<>(toMap(recordings)).forEach(sorted::set);
            root.set("recordings", sorted);
            writeAtomically(file, JSON.writeValueAsString(root) + "\n");
            writeAttackTypes(dir, sorted);
        } catch (IOException | ClassCastException e) {
            throw new LabException("cannot update " + file + ": " + e.getMessage(), e);
        }
    }

    /** The manifest of {@code dir} as a tree (for tests and tools). */
    public static JsonNode read(Path dir) throws IOException {
        return JSON.readTree(dir.resolve(FILE).toFile());
    }

    /**
     * The recordings {@code dir}'s manifest lists, in key order. A file that is missing, not JSON
     * or of another format is an {@link IOException} whose message names it.
     */
    public static List<Recording> recordings(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            root = JSON.readTree(in);
        } catch (JsonProcessingException e) {
            throw new IOException(file + ": not JSON: " + e.getOriginalMessage(), e);
        } catch (FileSystemException e) {
            throw e; // names its file already
        } catch (IOException e) {
            throw new IOException(file + ": " + e.getMessage(), e); // "Is a directory" and the like name none
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new IOException(file + ": not a lab manifest (format \"" + (root == null ? "" : root.path("format").asText())
                    + "\", expected \"" + FORMAT + "\")");
        }
        List<Recording> out = new ArrayList<>();
        for (JsonNode entry : toMap(root.path("recordings") instanceof ObjectNode o ? o : JSON.createObjectNode()).values()) {
            Recording r;
            try {
                r = READER.treeToValue(entry, Recording.class);
            } catch (JsonProcessingException e) {
                throw new IOException(file + ": recording " + entry.path("key").asText("?") + ": " + e.getOriginalMessage(), e);
            }
            if (r.key() == null || r.scenario() == null || r.seed() < 1) {
                throw new IOException(file + ": recording " + entry.path("key").asText("?") + ": no key, scenario or seed");
            }
            out.add(r);
        }
        return out;
    }

    private static Map<String, JsonNode> toMap(ObjectNode node) {
        Map<String, JsonNode> m = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            m.put(e.getKey(), e.getValue());
        }
        return m;
    }

    private static void writeAttackTypes(Path dir, ObjectNode recordings) throws IOException {
        writeAtomically(dir.resolve(ATTACK_TYPES), attackTypes(recordings, "the recordings in this directory"));
    }

    /**
     * The {@code attack-types.txt} of entries that each have a {@code labels} object (label →
     * category): every attack label once, in name order, after a comment naming {@code what}.
     */
    public static String attackTypes(Iterable<JsonNode> entries, String what) {
        Map<String, String> attacks = new TreeMap<>();
        for (JsonNode rec : entries) {
            rec.path("labels").fields().forEachRemaining(e -> {
                if (!e.getValue().asText().equals("normal")) {
                    attacks.put(e.getKey(), e.getValue().asText());
                }
            });
        }
        StringBuilder sb = new StringBuilder("# attack labels of " + what + " and their categories\n"
                + "# (the training_attack_types format, for gatewatch train --attack-types)\n");
        attacks.forEach((label, category) -> sb.append(label).append(' ').append(category).append('\n'));
        return sb.toString();
    }

    /** Writes {@code file} whole or not at all (a temporary file beside it, renamed). */
    public static void writeAtomically(Path file, String content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
