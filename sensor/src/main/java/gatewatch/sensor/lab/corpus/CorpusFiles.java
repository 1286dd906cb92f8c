package gatewatch.sensor.lab.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gatewatch.sensor.lab.run.Manifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The corpus directory's index files, rewritten from {@code MANIFEST.json} after every entry (so a
 * run that dies later loses nothing written so far): {@code MANIFEST.json} (one entry per
 * scenario and seed, replaced when recorded again, others kept), {@code MANIFEST.md} (the same for
 * people), {@code attack-types.txt} (every attack label with its category, for {@code gatewatch
 * train --attack-types}) and {@code BASELINE-MODEL.md} ({@link BaselineTable}, the model's verdicts).
 */
public final class CorpusFiles {
    public static final String MANIFEST = "MANIFEST.json";
    public static final String MANIFEST_MD = "MANIFEST.md";
    public static final String ATTACK_TYPES = "attack-types.txt";
    public static final String BASELINE = "BASELINE-MODEL.md";
    static final String FORMAT = "gatewatch lab corpus v1";
    public static final String BUNDLED_MODEL = "the bundled model";

    static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private final Path dir;
    private final String commandLine;
    private final String model;

    /** Files of a corpus judged by the bundled model. */
    public CorpusFiles(Path dir, String commandLine) {
        this(dir, commandLine, BUNDLED_MODEL);
    }

    /**
     * @param commandLine the command that made the corpus, for the generated files
     * @param model       the model that judged the recordings, as BASELINE-MODEL.md's title names it
     */
    public CorpusFiles(Path dir, String commandLine, String model) {
        this.dir = dir;
        this.commandLine = commandLine;
        this.model = model;
    }

    /**
     * The file beside a corpus data file ({@code KEY.data.gz}) that holds its lines' features
     * beyond the 41: {@code KEY.extended.gz}.
     */
    public static Path extendedOf(Path data) {
        return data.resolveSibling(data.getFileName().toString().replaceFirst("\\.data(\\.gz)?$", "") + ".extended.gz");
    }

    /** Adds or replaces {@code e} and rewrites every index file. */
    public synchronized void add(CorpusEntry e) throws IOException {
        rewrite(e.key(), JSON.valueToTree(e));
    }

    /** Drops the entry {@code key} (and its data files) if there is one, and rewrites every index file. */
    public synchronized void remove(String key) throws IOException {
        Path data = dir.resolve(key + ".data.gz");
        Files.deleteIfExists(data);
        Files.deleteIfExists(extendedOf(data));
        rewrite(key, null);
    }

    private void rewrite(String key, JsonNode entry) throws IOException {
        Path file = dir.resolve(MANIFEST);
        ObjectNode root = Files.exists(file) ? (ObjectNode) JSON.readTree(file.toFile()) : JSON.createObjectNode();
        Map<String, JsonNode> entries = new TreeMap<>();
        root.path("entries").fields().forEachRemaining(f -> entries.put(f.getKey(), f.getValue()));
        if (entry == null) {
            entries.remove(key);
        } else {
            entries.put(key, entry);
        }
        ObjectNode out = JSON.createObjectNode();
        out.put("format", FORMAT);
        out.put("regenerate", commandLine);
        ObjectNode sorted = out.putObject("entries");
        entries.forEach(sorted::set);
        Manifest.writeAtomically(file, JSON.writeValueAsString(out) + "\n");
        List<JsonNode> list = new ArrayList<>(entries.values());
        Manifest.writeAtomically(dir.resolve(MANIFEST_MD), ManifestText.render(list, commandLine));
        Manifest.writeAtomically(dir.resolve(ATTACK_TYPES), Manifest.attackTypes(list, "the lab corpus"));
        Manifest.writeAtomically(dir.resolve(BASELINE), BaselineTable.render(list, commandLine, model,
                java.time.Instant.now().toString()));
    }
}
