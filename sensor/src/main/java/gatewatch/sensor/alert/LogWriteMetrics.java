package gatewatch.sensor.alert;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the logs could not write, read when scraped: {@code gatewatch.log.lost_lines{log}} (lines
 * counted as lost, the same count as the summary's and the log lines') and
 * {@code gatewatch.log.writing{log}} (0 while writes fail, 1 otherwise), with {@code log} one of
 * {@code alerts} and {@code records}.
 */
public final class LogWriteMetrics implements MeterBinder {
    private final Map<String, JsonLinesLog> logs;

    /** @param logs by the {@code log} tag; a null log (records off) is left out */
    public LogWriteMetrics(JsonLinesLog alerts, JsonLinesLog records) {
        this.logs = new LinkedHashMap<>();
        logs.put("alerts", alerts);
        if (records != null) {
            logs.put("records", records);
        }
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        logs.forEach((name, log) -> {
            FunctionCounter.builder("gatewatch.log.lost_lines", log, JsonLinesLog::lost)
                    .description("Lines the log could not write (a full disk, say); never half written")
                    .baseUnit("lines").tag("log", name).register(registry);
            Gauge.builder("gatewatch.log.writing", log, l -> l.problem() == null ? 1 : 0)
                    .description("0 while writing the log fails, 1 otherwise").tag("log", name).register(registry);
        });
    }
}
