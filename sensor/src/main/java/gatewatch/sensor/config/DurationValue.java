package gatewatch.sensor.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations in configuration files: {@code 500ms}, {@code 5s}, {@code 5m}, {@code 1h}. */
public final class DurationValue {
    private static final Pattern FORMAT = Pattern.compile("(\\d+)(ms|s|m|h)");

    private DurationValue() {
    }

    /** Parses {@code text}; the message of the exception names {@code key}. */
    public static Duration parse(String key, String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new ConfigException(key + ": expected a duration such as 500ms, 5s, 5m or 1h, got '" + text + "'");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
    }
}
