package gatewatch.sensor.cli;

import gatewatch.sensor.alert.AlertLimit;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --alert-limit off|COUNT/DURATION}, e.g. {@code 100/60s}. */
final class AlertLimitConverter implements ITypeConverter<AlertLimit> {
    static final String HELP = "Alerts written in full per victim and per source and category in a window, "
            + "e.g. 100/60s (the default); the rest are counted into one alert_suppressed event. off: write every alert.";

    @Override
    public AlertLimit convert(String value) {
        try {
            return AlertLimit.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
