package gatewatch.sensor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import gatewatch.detector.model.Ensemble;
import gatewatch.features.testing.SharedData;
import gatewatch.sensor.alert.AlertLimit;
import gatewatch.sensor.alert.JsonLinesLog;
import gatewatch.sensor.alert.LogFileConfig;
import gatewatch.sensor.pipeline.FullQueuePolicy;
import gatewatch.sensor.pipeline.LatencyRecorder;
import gatewatch.sensor.pipeline.Outputs;
import gatewatch.sensor.pipeline.Pipeline;
import gatewatch.sensor.pipeline.PipelineSettings;
import gatewatch.sensor.pipeline.ReplaySpeed;
import gatewatch.synth.SynthReport;
import gatewatch.synth.SynthSpec;
import gatewatch.synth.Synthesizer;
import gatewatch.synth.scenario.ScenarioKind;
import gatewatch.synth.truth.GroundTruth;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
    private static final Pattern EPISODE = Pattern.compile(
            "^(\\S+)\\s+(\\w+)/(\\S+)\\s+([\\d,]+)\\s+([\\d,]+)\\s+([\\d,]+)\\s+(caught|partly|missed)(?:\\s+(.*))?$");
    private static final Pattern SERVICE = Pattern.compile("^  (\\S+)\\s+([\\d,]+)\\s+([\\d,]+)(?:\\s+(.*))?$");

    @TempDir
    Path tmp;

    /** Every number of the demo's report, made again from its kept records and truth files by other code. */
    @Test
    void everyCountIsTheRecountOfTheRecordsAgainstTheTruthFile() throws Exception {
        Path dir = tmp.resolve("kept");
        String out = demo("--connections", "2000", "--seed", "3", "--keep", dir.toString());
        DemoRecount recount = DemoRecount.of(dir.resolve("truth.txt"), dir.resolve("records.json"));
        List<String> lines = out.lines().toList();

        assertThat(recount.records).isEqualTo(2_000);
        assertThat(recount.unmatched).isZero();
        assertThat(out).contains("All 2,000 connections of the replay matched to the synthesizer's ground truth");

        Map<String, Matcher> rows = new TreeMap<>();
        for (String line : lines) {
            Matcher m = EPISODE.matcher(line);
            if (m.matches()) {
                rows.put(m.group(1), m);
            }
        }
        assertThat(rows.keySet()).as(out).isEqualTo(recount.episodes.keySet()).hasSize(6);
        for (Map.Entry<String, DemoRecount.Tally> e : recount.episodes.entrySet()) {
            DemoRecount.Tally t = e.getValue();
            Matcher row = rows.get(e.getKey());
            assertThat(List.of(number(row.group(4)), number(row.group(5)), number(row.group(6))))
                    .as("%s: connections, alerted, in category%n%s", e.getKey(), out)
                    .containsExactly(t.connections, t.alerted, t.inCategory);
            String outcome = t.alerted == 0 ? "missed" : 2 * t.inCategory > t.connections ? "caught" : "partly";
            assertThat(row.group(7)).as(e.getKey()).isEqualTo(outcome);
            assertThat(labels(row.group(8))).as(e.getKey()).isEqualTo(t.labels);
            assertThat(row.group(2) + "/" + row.group(3)).isEqualTo(ScenarioKind.byMixName(e.getKey()).orElseThrow().category()
                    + "/" + ScenarioKind.byMixName(e.getKey()).orElseThrow().kddLabel());
        }

        long n = recount.normalConnections();
        long alerted = recount.normalAlerted();
        // Whether any normal connection is alerted depends on the model; the counts, per service too, are
        // checked either way, and the per-label breakdown below whenever there is one.
        assertThat(out).contains(String.format(Locale.ROOT, "Normal connections alerted: %,d of %,d (%.2f %%)", alerted, n,
                100.0 * alerted / n));
        Map<String, List<Object>> services = new TreeMap<>();
        boolean inServices = false;
        for (String line : lines) {
            if (line.startsWith("  service")) {
                inServices = true;
            } else if (inServices) {
                Matcher m = SERVICE.matcher(line);
                if (!m.matches() || line.startsWith("  all services")) {
                    break;
                }
                services.put(m.group(1), List.of(number(m.group(2)), number(m.group(3)), labels(m.group(4))));
            }
        }
        Map<String, List<Object>> expected = new TreeMap<>();
        Map<String, Long> allLabels = new TreeMap<>();
        recount.normal.forEach((service, t) -> {
            expected.put(service, List.of(t.connections, t.alerted, t.labels));
            t.labels.forEach((l, c) -> allLabels.merge(l, c, Long::sum));
        });
        assertThat(services).as(out).isEqualTo(expected);
        var all = lines.stream().filter(l -> l.startsWith("  all services alerted as: ")).findFirst();
        if (alerted == 0) {
            assertThat(all).as("no breakdown of no alerts").isEmpty();
        } else {
            assertThat(labels(all.orElseThrow().substring("  all services alerted as: ".length()))).isEqualTo(allLabels);
        }
    }

    /**
     * The old demo gave an attack episode every alert from or to its hosts within its time: the
     * FTP guessing episode, none of whose connections is alerted, was shown as caught with the
     * warezclient alerts of the FTP server's normal ftp_data connections in that time, and those
     * were missing from the normal traffic's false alerts. The bundled model now catches that
     * episode, so the case is made again with a model like the one that showed it: KDD'99 alone
     * without its rows of FTP logins gone wrong, without the alert floor and the volume rule (needs
     * {@code ../shared}).
     */
    @Test
    void anEpisodeNoneOfWhoseConnectionsIsAlertedIsMissedAndItsHostsAlertsCountAsNormal() throws Exception {
        // KDD'99 without its rows of FTP logins gone wrong (guess_passwd, ftp_write, warezmaster): a
        // model that has never seen them misses the FTP episode, as the model that showed the bug did.
        Path kdd = tmp.resolve("kdd-without-ftp-logins.data");
        try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(new java.util.zip.GZIPInputStream(
                java.nio.file.Files.newInputStream(SharedData.require("data/kddcup.data_10_percent.gz"))),
                java.nio.charset.StandardCharsets.US_ASCII));
                var out = java.nio.file.Files.newBufferedWriter(kdd, java.nio.charset.StandardCharsets.US_ASCII)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.endsWith(",guess_passwd.") && !line.endsWith(",ftp_write.") && !line.endsWith(",warezmaster.")) {
                    out.write(line);
                    out.write('\n');
                }
            }
        }
        Path modelFile = tmp.resolve("kdd-only.gwm");
        CliRun train = CliRun.of("train", "--data", kdd.toString(), "--alert-floor", "0", "--volume-minimum", "0",
                "--out", modelFile.toString());
        assertThat(train.exitCode()).as(train.err()).isZero();
        Ensemble kddOnly = Ensemble.load(modelFile);
        SynthSpec spec = SynthSpec.defaults().withConnections(2_000).withSeed(3);
        // What the replay does with each connection, counted here by the synthesizer's truth.
        GroundTruth truth = new GroundTruth();
        SynthReport synth = Synthesizer.write(spec, tmp.resolve("bug.pcap"), truth);
        SynthReport.AttackEpisode ftp = synth.episodes().stream().filter(e -> e.kind() == ScenarioKind.GUESS_PASSWD_FTP)
                .findFirst().orElseThrow();
        Map<ScenarioKind, long[]> alertedByKind = new HashMap<>();
        long[] hostAlertsInTime = new long[1];
        long[] normalFtpData = new long[2];
        try (JsonLinesLog log = new JsonLinesLog(LogFileConfig.simple(tmp.resolve("alerts.json")))) {
            Pipeline p = new Pipeline(PipelineSettings.defaults(), FullQueuePolicy.BLOCK, kddOnly,
                    new Outputs(log, null, null, List.of((s, json) -> {
                        var c = s.record().conn();
                        ScenarioKind kind = truth.kind(truth.indexOf(c.startNanos(), c.protocol(), (int) c.origAddress().lo(),
                                c.origPort(), (int) c.respAddress().lo(), c.respPort()));
                        long[] k = alertedByKind.computeIfAbsent(kind, x -> new long[2]);
                        k[0]++;
                        if (s.verdict().isAlert()) {
                            k[1]++;
                            Instant t = Instant.ofEpochSecond(0, c.startNanos());
                            boolean hosts = ftp.victims().contains(c.origAddress().toString())
                                    || ftp.victims().contains(c.respAddress().toString());
                            if (hosts && !t.isBefore(ftp.start()) && !t.isAfter(ftp.end())) {
                                hostAlertsInTime[0]++;
                            }
                        }
                        if (kind == ScenarioKind.NORMAL && c.service().kddName().equals("ftp_data")) {
                            normalFtpData[0]++;
                            normalFtpData[1] += s.verdict().isAlert() ? 1 : 0;
                        }
                    }), "test", AlertLimit.DEFAULT), LatencyRecorder.NONE);
            p.replay(List.of(tmp.resolve("bug.pcap")), ReplaySpeed.MAX);
        }
        // The case of the bug: the episode's connections are not alerted, other connections of its hosts in its time are.
        assertThat(alertedByKind.get(ScenarioKind.GUESS_PASSWD_FTP)).containsExactly(ftp.connections(), 0L);
        assertThat(hostAlertsInTime[0]).isPositive();
        assertThat(normalFtpData[1]).isPositive();

        String out = demo("--connections", "2000", "--seed", "3", "--model", modelFile.toString());
        assertThat(out.lines().filter(l -> l.startsWith("guess_passwd_ftp ")).toList()).as(out).singleElement().satisfies(row -> {
            Matcher m = EPISODE.matcher(row);
            assertThat(m.matches()).as(row).isTrue();
            assertThat(List.of(number(m.group(4)), number(m.group(5)), number(m.group(6)), m.group(7)))
                    .containsExactly(ftp.connections(), 0L, 0L, "missed");
        });
        assertThat(out).as(out).containsPattern(String.format(Locale.ROOT, "(?m)^  ftp_data +%,d +%,d +r2l/warezclient",
                normalFtpData[0], normalFtpData[1]));
    }

    private static String demo(String... args) {
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        picocli.CommandLine cl = GatewatchCommand.commandLine();
        cl.setOut(new PrintWriter(stdout, true));
        cl.setErr(new PrintWriter(stderr, true));
        String[] all = new String[args.length + 1];
        all[0] = "demo";
        System.arraycopy(args, 0, all, 1, args.length);
        assertThat(cl.execute(all)).as(stderr.toString()).isZero();
        return stdout.toString();
    }

    private static long number(String text) {
        return Long.parseLong(text.replace(",", ""));
    }

    /** {@code probe/satan 299, anomaly 1} as a map; empty for no text. */
    private static Map<String, Long> labels(String text) {
        Map<String, Long> m = new TreeMap<>();
        if (text == null || text.isBlank()) {
            return m;
        }
        for (String part : text.split(", ")) {
            int space = part.lastIndexOf(' ');
            m.put(part.substring(0, space), number(part.substring(space + 1)));
        }
        return m;
    }
}
