package gatewatch.sensor.e2e;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The scenario's report: per phase its span, connections, and alerts by category/label with the
 * most common reasons; the connections and alerts of no phase; the SIGTERM timing; the daemon's
 * own summary and its metrics before the stop. Renders whatever the scenario got to, also after a
 * failure half-way.
 */
final class PhaseReport {
    private PhaseReport() {
    }

    static String render(LiveScenario s) throws IOException {
        List<Event> alerts = s.alerts != null ? s.alerts : Event.read(s.work.resolve("alerts.jsonl"));
        List<Event> records = s.records != null ? s.records : Event.read(s.work.resolve("records.jsonl"));
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%n# gatewatch live end-to-end, %s, %d cpus, load %s%n", Instant.now(),
                Runtime.getRuntime().availableProcessors(), loadAverage()));
        sb.append(String.format(Locale.ROOT, "# namespaces %s / %s, veth %s <-> %s, %s/24, %s/24 behind the server%n",
                s.net.serverNs, s.net.clientNs, s.net.serverIf, s.net.clientIf, s.net.onLink(0), s.net.behindServer(0)));
        sb.append(String.format(Locale.ROOT, "%-34s %8s %12s %8s  %s%n", "phase", "span", "connections", "alerts",
                "alerts by category/label"));
        for (Phase p : s.phases()) {
            if (p == null) {
                continue;
            }
            List<Event> phaseAlerts = p.of(alerts);
            sb.append(String.format(Locale.ROOT, "%-34s %6.1f s %12d %8d  %s%n", p.name(), p.length().toMillis() / 1000.0,
                    p.of(records).size(), phaseAlerts.size(), tally(p.verdicts(alerts))));
            sb.append("    ").append(p.command()).append('\n');
            Map<String, Long> kinds = p.of(records).stream().collect(Collectors.groupingBy(
                    e -> e.service() + "/" + e.flag(), Collectors.counting()));
            sb.append("    connections by service/flag: ").append(tally(mostCommon(kinds, 6)))
                    .append(kinds.size() > 6 ? " (+" + (kinds.size() - 6) + " more kinds)" : "").append('\n');
            mostCommon(phaseAlerts, e -> e.verdict() + " " + e.service() + " " + e.flag() + " reasons " + e.reasons())
                    .forEach((k, v) -> sb.append(String.format(Locale.ROOT, "      %6d  %s%n", v, k)));
        }
        List<Event> looseRecords = LiveAttackE2eTest.unattributed(s, records).toList();
        List<Event> looseAlerts = LiveAttackE2eTest.unattributed(s, alerts).toList();
        sb.append(String.format(Locale.ROOT, "%-34s %8s %12d %8d  %s%n", "(in no phase)", "", looseRecords.size(),
                looseAlerts.size(), tally(looseAlerts.stream().collect(Collectors.groupingBy(Event::verdict,
                        TreeMap::new, Collectors.counting())))));
        mostCommon(looseRecords, e -> e.proto() + " " + e.service() + " " + e.srcIp() + " -> " + e.destIp())
                .forEach((k, v) -> sb.append(String.format(Locale.ROOT, "      %6d  %s%n", v, k)));
        if (s.normal != null && !s.normal.of(alerts).isEmpty()) {
            sb.append("alerts of the normal phase:\n").append(LiveAttackE2eTest.describe(s.normal.of(alerts))).append('\n');
        }
        if (s.termination != null) {
            sb.append(String.format(Locale.ROOT, "SIGTERM: exit %d after %d ms; alerts written before SIGTERM %d of %d%n",
                    s.termination.exit(), s.termination.took().toMillis(), s.alertsBeforeStop, alerts.size()));
        }
        if (s.daemonLog != null) {
            sb.append("daemon's summary:\n");
            s.daemonLog.lines().filter(l -> !l.contains(" INFO ") && !l.isBlank())
                    .forEach(l -> sb.append("    ").append(l).append('\n'));
        }
        if (s.metricsBeforeStop != null) {
            sb.append("metrics before SIGTERM:\n");
            s.metricsBeforeStop.lines().forEach(l -> sb.append("    ").append(l).append('\n'));
        }
        return sb.toString();
    }

    private static String tally(Map<String, Long> counts) {
        return counts.isEmpty() ? "-" : counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    /** The four most common values of {@code key} with their counts. */
    private static Map<String, Long> mostCommon(List<Event> events, Function<Event, String> key) {
        return mostCommon(events.stream().collect(Collectors.groupingBy(key, Collectors.counting())), 4);
    }

    /** The {@code n} largest counts, largest first. */
    private static Map<String, Long> mostCommon(Map<String, Long> counts, int n) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(n)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, java.util.LinkedHashMap::new));
    }

    private static String loadAverage() throws IOException {
        String[] f = java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ");
        return f[0] + " " + f[1] + " " + f[2];
    }
}
