package gatewatch.sensor.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gatewatch.detector.model.Category;
import gatewatch.sensor.pipeline.LogLoss;
import gatewatch.sensor.pipeline.Summary;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The end-of-run summary: a few human lines on stderr, and {@code --summary-json}. */
final class SummaryPrinter {
    private SummaryPrinter() {
    }

    static void print(Summary s, PrintWriter err) {
        if (s.stoppedBy() != null) {
            err.printf(Locale.ROOT, "stopped early by %s after %,d frames: the captures were not read to the end%n",
                    s.stoppedBy(), s.frames());
        }
        err.printf(Locale.ROOT, "frames %,d  connections %,d  alerts %,d  malformed frames %,d  %.2f s  %,.0f frames/s%n",
                s.frames(), s.connections(), s.alerts(), s.malformedFrames(), s.elapsedSeconds(), s.framesPerSecond());
        StringBuilder sb = new StringBuilder("alerts by category:");
        for (Category c : Category.values()) {
            if (c != Category.NORMAL) {
                sb.append(' ').append(c.externalName()).append(' ').append(s.alertsByCategory().getOrDefault(c, 0L));
            }
        }
        err.println(sb);
        if (s.siteTypical() > 0) {
            err.printf(Locale.ROOT, "not alerted as typical of the site (site baseline): %,d connections%n", s.siteTypical());
        }
        if (s.suppressed() > 0) {
            err.printf(Locale.ROOT, "alerts suppressed by the alert limit (counted in alert_suppressed events): %,d of %,d%n",
                    s.suppressed(), s.alerts());
        }
        if (s.droppedRecords() > 0 || s.droppedVerdicts() > 0) {
            err.printf(Locale.ROOT, "dropped: %,d records, %,d verdicts (queues full)%n", s.droppedRecords(), s.droppedVerdicts());
        }
        if (s.evictedConnections() > 0) {
            err.printf(Locale.ROOT, "connections evicted early (table full): %,d%n", s.evictedConnections());
        }
        for (LogLoss l : s.logLosses()) {
            if (l.lost() > 0) {
                err.printf(Locale.ROOT, "%s log %s: %,d lines could not be written (%s), %,d written%n",
                        l.log(), l.path(), l.lost(), l.reason(), l.written());
            }
        }
        err.flush();
    }

    static ObjectNode json(Summary s) {
        ObjectMapper m = new ObjectMapper();
        ObjectNode o = m.createObjectNode();
        o.put("frames", s.frames());
        o.put("connections", s.connections());
        o.put("alerts", s.alerts());
        ObjectNode by = o.putObject("alerts_by_category");
        for (Category c : Category.values()) {
            if (c != Category.NORMAL) {
                by.put(c.externalName(), s.alertsByCategory().getOrDefault(c, 0L));
            }
        }
        o.put("alerts_suppressed", s.suppressed());
        o.put("site_typical", s.siteTypical());
        o.put("malformed_frames", s.malformedFrames());
        o.put("dropped_records", s.droppedRecords());
        o.put("dropped_verdicts", s.droppedVerdicts());
        o.put("evicted_connections", s.evictedConnections());
        o.put("elapsed_seconds", Math.round(s.elapsedSeconds() * 1000) / 1000.0);
        o.put("frames_per_second", Math.round(s.framesPerSecond()));
        if (s.inputError() != null) {
            o.put("input_error", s.inputError());
        }
        ObjectNode lost = o.putObject("lost_lines");
        for (LogLoss l : s.logLosses()) {
            lost.put(l.log(), l.lost());
        }
        String writeErrors = s.logLosses().stream().filter(l -> l.lost() > 0).map(l -> l.path() + ": " + l.reason())
                .collect(java.util.stream.Collectors.joining("; "));
        if (!writeErrors.isEmpty()) {
            o.put("write_error", writeErrors);
        }
        if (s.stoppedBy() != null) {
            o.put("stopped_by", s.stoppedBy());
        }
        return o;
    }

    static void writeJson(Summary s, Path file) throws IOException {
        Files.writeString(file, json(s).toString() + "\n");
    }
}
