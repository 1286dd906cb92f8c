package gatewatch.detector.data;

import gatewatch.detector.model.Category;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Maps a KDD label ({@code normal}, {@code smurf}, ...) to its {@link Category}.
 *
 * <p>The built-in table holds the 22 training attacks of {@code training_attack_types} and the
 * 17 attacks found only in {@code corrected}; {@link #withFile(Path)} adds (or overrides) entries
 * from a file in the {@code training_attack_types} format ("name category" per line).
 */
public final class AttackTaxonomy {
    private static final String RESOURCE = "/gatewatch/detector/attack-types.txt";

    private final Map<String, Category> categories;

    private AttackTaxonomy(Map<String, Category> categories) {
        this.categories = Collections.unmodifiableMap(categories);
    }

    /** The built-in table: training attacks plus the test-only attacks. */
    public static AttackTaxonomy builtIn() {
        try (InputStream in = AttackTaxonomy.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            Map<String, Category> map = new LinkedHashMap<>();
            map.put("normal", Category.NORMAL);
            read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), RESOURCE, map);
            return new AttackTaxonomy(map);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** This table with the entries of {@code file} added; a file entry wins over a built-in one. */
    public AttackTaxonomy withFile(Path file) throws IOException {
        Map<String, Category> map = new LinkedHashMap<>(categories);
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            read(r, file.toString(), map);
        }
        return new AttackTaxonomy(map);
    }

    private static void read(BufferedReader r, String source, Map<String, Category> into) throws IOException {
        String line;
        int n = 0;
        while ((line = r.readLine()) != null) {
            n++;
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            String[] parts = t.split("\\s+");
            Category c = parts.length == 2 ? Category.ofExternalName(parts[1]) : null;
            if (c == null || !c.isKdd() || c == Category.NORMAL) {
                throw new IllegalArgumentException(source + ":" + n + ": expected 'attack category' with category"
                        + " dos, probe, r2l or u2r, got '" + t + "'");
            }
            into.put(parts[0], c);
        }
    }

    /** The category of {@code label}, or null when the label is unknown. */
    public Category categoryOf(String label) {
        return categories.get(label);
    }

    /** Every known label and its category, in table order ({@code normal} first). */
    public Map<String, Category> all() {
        return categories;
    }
}
