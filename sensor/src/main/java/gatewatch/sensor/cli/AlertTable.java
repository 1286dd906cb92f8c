package gatewatch.sensor.cli;

import gatewatch.features.conn.ConnectionSummary;
import gatewatch.sensor.pipeline.AlertListener;
import gatewatch.sensor.pipeline.Scored;
import java.io.PrintWriter;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The demo's first table: every alert verdict of the replay (also those the alert log only
 * counts in an {@code alert_suppressed} event), one row per category and label, with the hosts
 * on each side: an attack from many addresses, or at many, stays one row.
 */
final class AlertTable implements AlertListener {
    private record Row(long[] count, Set<String> sources, Set<String> targets) {
    }

    private final Map<String, Row> rows = new TreeMap<>();

    @Override
    public void onScored(Scored s, byte[] alertJson) {
        if (!s.verdict().isAlert()) {
            return;
        }
        ConnectionSummary c = s.record().conn();
        String key = String.format(Locale.ROOT, "%-8s %-16s", s.verdict().category().externalName(), s.verdict().label());
        Row row = rows.computeIfAbsent(key, k -> new Row(new long[1], new HashSet<>(), new HashSet<>()));
        row.count()[0]++;
        row.sources().add(c.origAddress().toString());
        row.targets().add(c.respAddress().toString());
    }

    void print(PrintWriter out) {
        out.printf("%-8s %-16s %8s  %s%n", "category", "label", "alerts", "source -> destination");
        rows.forEach((key, row) -> out.printf(Locale.ROOT, "%s %,8d  %s -> %s%n", key, row.count()[0],
                hosts(row.sources()), hosts(row.targets())));
        out.println();
    }

    private static String hosts(Set<String> h) {
        return h.size() == 1 ? h.iterator().next() : h.size() + " hosts";
    }
}
