package gatewatch.sensor.cli;

import gatewatch.sensor.alert.AlertLimit;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where alerts and records go and how events are labelled and limited: options shared by
 * {@code run} (each overrides its configuration key, {@link Overrides}) and {@code replay}.
 * A field is null when its option is not given.
 */
final class OutputOptions {
    @Option(names = "--alerts", paramLabel = "FILE",
            description = "Append alerts (JSON lines) to FILE (replay: default standard output; run: overrides alerts.path).")
    Path alerts;

    @Option(names = "--records", paramLabel = "FILE",
            description = "Write every connection with its verdict (JSON lines) to FILE (for run, overrides records.path).")
    Path records;

    @Option(names = "--sensor-name", paramLabel = "NAME",
            description = "The sensor field of every event (default: the host name; for run, overrides sensor.name).")
    String sensorName;

    @Option(names = "--alert-limit", paramLabel = "COUNT/DURATION|off", converter = AlertLimitConverter.class,
            description = AlertLimitConverter.HELP + " In replay, windows run in capture time; for run, overrides"
                    + " alert_limit.count and alert_limit.per.")
    AlertLimit alertLimit;

    /** {@code --alert-limit}, else the default 100/60s. */
    AlertLimit alertLimitOrDefault() {
        return alertLimit != null ? alertLimit : AlertLimit.DEFAULT;
    }
}
