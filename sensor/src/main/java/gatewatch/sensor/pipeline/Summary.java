package gatewatch.sensor.pipeline;

import gatewatch.detector.model.Category;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a run did, for the end-of-run summary and {@code --summary-json}.
 *
 * @param alertsByCategory     alert verdicts, written or suppressed
 * @param suppressedByCategory alerts counted into {@code alert_suppressed} events instead of written
 * @param siteTypical          connections the site baseline cleared (label {@code site_typical})
 * @param inputError a capture file that could not be read (named, with offset and reason), or null
 * @param logLosses  per log (alerts, records): lines written and lines that could not be written
 * @param stoppedBy  the signal that ended a replay before its captures were read to the end
 *                   ({@code SIGTERM}, {@code SIGINT}), or null
 */
public record Summary(
        long frames,
        long connections,
        Map<Category, Long> alertsByCategory,
        Map<Category, Long> suppressedByCategory,
        long siteTypical,
        long malformedFrames,
        long droppedRecords,
        long droppedVerdicts,
        long evictedConnections,
        double elapsedSeconds,
        String inputError,
        List<LogLoss> logLosses,
        String stoppedBy) {

    public Summary {
        alertsByCategory = Map.copyOf(alertsByCategory);
        suppressedByCategory = Map.copyOf(suppressedByCategory);
        logLosses = List.copyOf(logLosses);
    }

    /** Lines of all logs that could not be written. */
    public long lostLines() {
        return logLosses.stream().mapToLong(LogLoss::lost).sum();
    }

    public long alerts() {
        long sum = 0;
        for (Map.Entry<Category, Long> e : alertsByCategory.entrySet()) {
            if (e.getKey() != Category.NORMAL) {
                sum += e.getValue();
            }
        }
        return sum;
    }

    /** Alerts counted into {@code alert_suppressed} events (see {@code AlertLimit}) instead of written. */
    public long suppressed() {
        return suppressedByCategory.values().stream().mapToLong(Long::longValue).sum();
    }

    public double framesPerSecond() {
        return elapsedSeconds > 0 ? frames / elapsedSeconds : 0;
    }

    static Map<Category, Long> emptyCounts() {
        Map<Category, Long> m = new EnumMap<>(Category.class);
        for (Category c : Category.values()) {
            if (c != Category.NORMAL) {
                m.put(c, 0L);
            }
        }
        return m;
    }
}
