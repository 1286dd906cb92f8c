package gatewatch.sensor.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import gatewatch.detector.io.IoReasons;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Reads the YAML configuration strictly: an unknown key, a value of the wrong type, or a value
 * out of range fails with one message naming the key ({@code capture.buffer_mib: ...}).
 */
public final class ConfigLoader {
    private static final String DUPLICATE = "Duplicate field '";
    private final ObjectMapper mapper;

    public ConfigLoader() {
        SimpleModule durations = new SimpleModule().addDeserializer(Duration.class, new JsonDeserializer<>() {
            @Override
            public Duration deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
                return DurationValue.parse(keyOf(p), p.getValueAsString());
            }
        });
        // A key given twice would otherwise keep its last value silently.
        // A key with no value ("name:") is null, as the plain YAMLMapper reads it, not "".
        YAMLFactory yaml = YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(com.fasterxml.jackson.dataformat.yaml.YAMLParser.Feature.EMPTY_STRING_AS_NULL).build();
        mapper = YAMLMapper.builder(yaml)
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .addModule(durations)
                .build();
        // "sensor:" with every key under it commented out (the shipped file) reads as an empty
        // scalar: the section's defaults, not a type error.
        mapper.coercionConfigDefaults().setCoercion(CoercionInputShape.EmptyString, CoercionAction.AsNull);
    }

    /** Reads {@code file}; a missing, unreadable or non-UTF-8 file is a {@link ConfigException} too. */
    public SensorConfig load(Path file) {
        String text;
        try {
            text = utf8(file, Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new ConfigException("configuration file " + file + " does not exist");
        } catch (IOException e) {
            throw new ConfigException("configuration file " + file + ": " + IoReasons.of(e), e);
        }
        try {
            return parse(text);
        } catch (ConfigException e) {
            throw new ConfigException(file + ": " + e.getMessage(), e);
        }
    }

    /** The text of a file that must be UTF-8; where it is not, the byte offset and line say where. */
    private static String utf8(Path file, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int at = in.position();
            long line = 1 + IntStream.range(0, at).filter(i -> bytes[i] == '\n').count();
            throw new ConfigException(String.format(Locale.ROOT, "configuration file %s: not UTF-8 at byte %d (line %d: byte 0x%02x)",
                    file, at, line, bytes[at] & 0xff));
        }
        return out.flip().toString();
    }

    /** Parses configuration text (an empty document means every default). */
    public SensorConfig parse(String yaml) {
        if (yaml.lines().allMatch(l -> l.isBlank() || l.stripLeading().startsWith("#") || l.strip().equals("---"))) {
            // Only comments (the shipped example with every key commented out): every default.
            return SensorConfig.defaults();
        }
        try {
            SensorConfig c = mapper.readValue(yaml, SensorConfig.class);
            return c != null ? c : SensorConfig.defaults();
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
            throw new ConfigException("unknown key '" + path(e) + "' (known here: " + known + ")", e);
        } catch (JsonMappingException e) {
            String duplicate = duplicateField(e);
            if (duplicate != null) {
                String parent = path(e);
                String key = parent.equals("(top level)") ? duplicate : parent + "." + duplicate;
                throw new ConfigException(key + ": given twice, the second time" + line(e), e);
            }
            ConfigException inner = findConfigException(e);
            if (inner != null) {
                throw inner;
            }
            throw new ConfigException(path(e) + ": " + firstLine(e.getOriginalMessage()) + line(e), e);
        } catch (JsonProcessingException e) {
            String duplicate = duplicateField(e);
            if (duplicate != null) {
                throw new ConfigException(duplicate + ": given twice, the second time" + line(e), e);
            }
            throw new ConfigException("not valid YAML: " + firstLine(e.getOriginalMessage()) + line(e), e);
        }
    }

    /** The key of Jackson's strict duplicate detection ("Duplicate field 'x'"), or null for any other error. */
    private static String duplicateField(JsonProcessingException e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof StreamReadException r && r.getOriginalMessage() != null
                    && r.getOriginalMessage().startsWith(DUPLICATE)) {
                String m = r.getOriginalMessage();
                int end = m.indexOf('\'', DUPLICATE.length());
                return end > 0 ? m.substring(DUPLICATE.length(), end) : null;
            }
        }
        return null;
    }

    private static String line(JsonProcessingException e) {
        return e.getLocation() != null && e.getLocation().getLineNr() > 0 ? " (line " + e.getLocation().getLineNr() + ")" : "";
    }

    private static ConfigException findConfigException(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ConfigException ce) {
                return ce;
            }
        }
        return null;
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "(top level)" : sb.toString();
    }

    private static String keyOf(JsonParser p) {
        String s = p.getParsingContext().pathAsPointer().toString();
        return s.isEmpty() ? "(value)" : s.substring(1).replace('/', '.');
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "invalid value";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
