package gatewatch.sensor.cli;

import gatewatch.sensor.alert.AlertLimit;
import gatewatch.sensor.config.ConfigException;
import gatewatch.sensor.config.DurationValue;
import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --alert-limit off|COUNT/DURATION}, e.g. {@code 100/60s}; the duration as the
 * configuration writes durations ({@link DurationValue}). The bound on remembered keys stays the
 * default's.
 */
final class AlertLimitConverter implements ITypeConverter<AlertLimit> {
    static final String HELP = "Alerts written in full per victim and per source and category in a window, "
            + "e.g. 100/60s (the default); the rest are counted into one alert_suppressed event. off: write every alert.";

    @Override
    public AlertLimit convert(String value) {
        String text = value.trim().toLowerCase(Locale.ROOT);
        if (text.equals("off") || text.equals("0")) {
            return AlertLimit.OFF;
        }
        int slash = text.indexOf('/');
        int count;
        Duration per;
        try {
            count = Integer.parseInt(text.substring(0, Math.max(0, slash)));
            per = DurationValue.parse("--alert-limit", text.substring(slash + 1));
        } catch (NumberFormatException | ConfigException e) {
            throw new TypeConversionException("expected off or COUNT/DURATION such as 100/60s, got '" + value + "'");
        }
        try {
            return new AlertLimit(count, per, AlertLimit.DEFAULT.maxTracked());
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
