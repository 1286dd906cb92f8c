import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import gatewatch.sensor.config.ConfigLoader;
import gatewatch.sensor.config.ForwarderSection;
import gatewatch.sensor.config.SensorConfig;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Build check of the shipped example configuration (run by the packaging module with the
 * application's classpath, as a single-file program):
 *
 * <ol>
 *   <li>the file as shipped loads and means exactly the defaults;</li>
 *   <li>with every commented default ({@code #key: value}, and the {@code #forwarders:} block)
 *       uncommented it still loads, every value shown is the real default, and the forwarder
 *       examples cover every type;</li>
 *   <li>every key of every configuration record appears in it, so no key goes undocumented.</li>
 * </ol>
 *
 * Exits 1 naming what is wrong.
 */
public final class ConfigExampleCheck {
    private static final Pattern COMMENTED_KEY = Pattern.compile("^(\\s*)#([a-z_]+:.*)$");
    private static final String CONFIG_PACKAGE = "gatewatch.sensor.config";

    public static void main(String[] args) throws Exception {
        Path example = Path.of(args[0]);
        List<String> problems = new ArrayList<>();
        ConfigLoader loader = new ConfigLoader();
        SensorConfig defaults = SensorConfig.defaults();

        SensorConfig shipped = loader.load(example);
        if (!shipped.equals(defaults)) {
            problems.add("the file as shipped does not mean the defaults:\n  " + shipped + "\n  " + defaults);
        }

        String uncommented = uncomment(Files.readAllLines(example));
        SensorConfig all = loader.parse(uncommented);
        SensorConfig allButForwarders = new SensorConfig(all.sensor(), all.capture(), all.connections(), all.pipeline(),
                all.detector(), all.alerts(), all.records(), List.of(), all.metrics(), all.alertLimit());
        if (!allButForwarders.equals(defaults)) {
            problems.add("a commented default is not the real default:\n  " + allButForwarders + "\n  " + defaults);
        }
        checkForwarders(all.forwarders(), problems);

        JsonNode tree = new YAMLMapper().readTree(uncommented);
        Set<String> missing = new TreeSet<>();
        missingKeys(SensorConfig.class, tree, "", missing);
        if (!missing.isEmpty()) {
            problems.add("keys not documented in the example: " + String.join(", ", missing));
        }

        if (!problems.isEmpty()) {
            System.err.println(example + ":");
            problems.forEach(p -> System.err.println("  " + p));
            System.exit(1);
        }
        System.out.println(example + ": loads as the defaults; every key documented with its true default");
    }

    /** Removes the '#' of each commented key, and of every line of the commented forwarders block. */
    static String uncomment(List<String> lines) {
        StringBuilder out = new StringBuilder();
        boolean inForwarders = false;
        for (String line : lines) {
            if (line.startsWith("#forwarders:")) {
                inForwarders = true;
            } else if (inForwarders && !line.startsWith("#")) {
                inForwarders = false;
            }
            var m = COMMENTED_KEY.matcher(line);
            if (inForwarders) {
                out.append(line.substring(1));
            } else if (m.matches()) {
                out.append(m.group(1)).append(m.group(2));
            } else {
                out.append(line);
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** Each example's values must equal what the same entry builds with only type, name, host and port. */
    static void checkForwarders(List<ForwarderSection> forwarders, List<String> problems) {
        EnumSet<ForwarderSection.Type> seen = EnumSet.noneOf(ForwarderSection.Type.class);
        for (int i = 0; i < forwarders.size(); i++) {
            ForwarderSection f = forwarders.get(i);
            seen.add(f.kind());
            ForwarderSection bare = new ForwarderSection(f.type(), f.name(), f.host(), f.port(),
                    null, null, null, null, null, null, null, null, null, null, null);
            String key = "forwarders[" + i + "]";
            if (!f.build(key, "host").equals(bare.build(key, "host"))) {
                problems.add(key + " (" + f.type() + "): a value shown is not the default: "
                        + f.build(key, "host") + " vs " + bare.build(key, "host"));
            }
        }
        if (!seen.equals(EnumSet.allOf(ForwarderSection.Type.class))) {
            problems.add("the forwarder examples cover " + seen + ", not every type");
        }
    }

    /** Adds {@code prefix.key} for every record component whose key the YAML tree lacks. */
    static void missingKeys(Class<?> record, JsonNode node, String prefix, Set<String> missing) {
        for (RecordComponent rc : record.getRecordComponents()) {
            String key = keyOf(rc);
            String path = prefix.isEmpty() ? key : prefix + "." + key;
            List<JsonNode> values = new ArrayList<>();
            if (node != null && node.isArray()) {
                node.forEach(element -> {
                    if (element.has(key)) {
                        values.add(element.get(key));
                    }
                });
            } else if (node != null && node.has(key)) {
                values.add(node.get(key));
            }
            if (values.isEmpty()) {
                missing.add(path);
                continue;
            }
            Class<?> nested = configRecord(rc.getGenericType());
            if (nested != null) {
                for (JsonNode v : values) {
                    missingKeys(nested, v, path, missing);
                }
            }
        }
    }

    private static String keyOf(RecordComponent rc) {
        JsonProperty p = rc.getAccessor().getAnnotation(JsonProperty.class);
        if (p != null && !p.value().isEmpty()) {
            return p.value();
        }
        return new PropertyNamingStrategies.SnakeCaseStrategy().translate(rc.getName());
    }

    /** The configuration record a component holds (directly or as list elements), else null. */
    private static Class<?> configRecord(Type t) {
        if (t instanceof ParameterizedType pt && pt.getRawType() == List.class) {
            return configRecord(pt.getActualTypeArguments()[0]);
        }
        if (t instanceof Class<?> c && c.isRecord() && c.getName().startsWith(CONFIG_PACKAGE)) {
            return c;
        }
        return null;
    }
}
