package gatewatch.sensor.replay;

import static org.assertj.core.api.Assertions.assertThat;

import gatewatch.sensor.alert.AlertLimit;
import gatewatch.detector.model.Category;
import gatewatch.detector.model.Ensemble;
import gatewatch.features.testing.SharedData;
import gatewatch.sensor.pipeline.AlertListener;
import gatewatch.sensor.pipeline.FullQueuePolicy;
import gatewatch.sensor.pipeline.LatencyRecorder;
import gatewatch.sensor.pipeline.Outputs;
import gatewatch.sensor.pipeline.Pipeline;
import gatewatch.sensor.pipeline.PipelineSettings;
import gatewatch.sensor.pipeline.ReplaySpeed;
import gatewatch.sensor.pipeline.Scored;
import gatewatch.sensor.pipeline.Summary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shared attack captures whose kind KDD knows, replayed through the whole pipeline with the
 * bundled model: each is alerted, in the category KDD gives its kind. The category is the one
 * most of the capture's alerts carry; the share is of all its connections (background included).
 */
class RealCaptureReplayTest {
    private static Ensemble ensemble;

    @BeforeAll
    static void load() {
        ensemble = Ensemble.loadDefault();
    }

    private record Result(Summary summary, Map<Category, Long> byCategory, List<Scored> alerts) {
        Category majority() {
            return byCategory.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
        }
    }

    private static Result replay(String capture) {
        Path file = SharedData.require("pcaps/" + capture);
        List<Scored> alerts = new ArrayList<>();
        // Verdicts, not log lines: what the alert limit left out of the log is still an alert here.
        AlertListener collect = (s, json) -> {
            if (s.verdict().isAlert()) {
                alerts.add(s);
            }
        };
        Pipeline p = new Pipeline(PipelineSettings.defaults(), FullQueuePolicy.BLOCK, ensemble,
                new Outputs(null, null, null, List.of(collect), "test", AlertLimit.DEFAULT), LatencyRecorder.NONE);
        Summary s = p.replay(List.of(file), ReplaySpeed.MAX);
        Map<Category, Long> by = new EnumMap<>(Category.class);
        alerts.forEach(a -> by.merge(a.verdict().category(), 1L, Long::sum));
        return new Result(s, by, alerts);
    }

    /**
     * A TCP SYN ping sweep (a SYN to port 80 of each of 511 addresses) whose SYNs are all still open when the capture
     * ends, so none counts as a failed connection in the windows (docs/FEATURES.md, open at the
     * end). It is alerted; the bundled model calls it a sweep (433 of 442 alerts), but the one
     * before called about half of it a SYN flood (neptune: S0 to http with volume in the window),
     * and which half wins moved with every retrain (detector/RESULTS.md, sections 10 and 11). What
     * is asserted is what every model held to: alerted, and probe for at least two fifths.
     */
    @Test
    void aSynSweepIsAlertedAndLargelyCalledAProbe() {
        Result r = replay("attack/tcp-syn-ping-sweep.pcapng");
        long alerted = r.alerts().size();
        assertThat((double) alerted / r.summary().connections()).as("share alerted; by category %s", r.byCategory())
                .isGreaterThanOrEqualTo(0.8);
        assertThat((double) r.byCategory().getOrDefault(Category.PROBE, 0L) / alerted)
                .as("probe's share of the alerts; by category %s", r.byCategory()).isGreaterThanOrEqualTo(0.4);
        assertThat(r.byCategory().keySet()).as("by category %s", r.byCategory()).isSubsetOf(Category.PROBE, Category.DOS);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        // SYN flood from spoofed sources: KDD neptune.
        "attack/stopddos-synflood-spoofed.pcap, DOS, 0.99",
        // Port scans: KDD satan / portsweep / nmap.
        "attack/nmap-syn-portscan.pcapng, PROBE, 0.99",
        "attack/masscan-tcp-ports-0-1000.pcap, PROBE, 0.99",
        "attack/masscan-udp-ports-0-1000.pcap, PROBE, 0.99",
        "attack/ppa-portscan-small.pcap, PROBE, 0.9",
        // Sweeps: KDD ipsweep.
        "attack/icmp-ping-sweep-256-hosts.pcap, PROBE, 0.99",
        // FTP password guessing: KDD guess_passwd (r2l); one failed login per connection.
        "attack/zeek-ftp-bruteforce.pcap, R2L, 0.99",
        // SSH password guessing: failed logins inferred from the encrypted messages' sizes.
        "attack/zeek-ssh-password-guessing.pcap, R2L, 0.99",
    })
    void attackCaptureIsAlertedInItsCategory(String capture, Category expected, double minShareAlerted) {
        Result r = replay(capture);
        assertThat(r.summary().connections()).isPositive();
        assertThat((double) r.alerts().size() / r.summary().connections())
                .as("%s: share of connections alerted; alerts by category %s", capture, r.byCategory())
                .isGreaterThanOrEqualTo(minShareAlerted);
        assertThat(r.majority()).as("%s: alerts by category %s", capture, r.byCategory()).isEqualTo(expected);
    }

    /**
     * Teardrop: overlapping UDP fragments. Its one attack datagram is KDD's teardrop (dos,
     * wrong_fragment > 0); the capture's other connections are background.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource("attack/teardrop.pcap")
    void teardropDatagramIsAlertedAsDos(String capture) {
        Result r = replay(capture);
        assertThat(r.alerts()).as("alerts %s", r.byCategory())
                .anySatisfy(a -> {
                    assertThat(a.verdict().category()).isEqualTo(Category.DOS);
                    assertThat(a.record().conn().wrongFragments()).isPositive();
                });
    }

    /**
     * hping3 from its own address against a web server: the SYN-ACKs are answered (S1/RSTO), so the
     * records are hundreds of established or reset connections to one service in two seconds —
     * a flood the KDD data does not hold (its neptune is half-open, over a dozen ports at a time).
     * Every flood connection is alerted; the category is the model's guess (probe/satan mostly)
     * and is reported, not asserted.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource("attack/hping3-synflood-with-background.pcap")
    void ownAddressSynFloodIsAlerted(String capture) {
        Result r = replay(capture);
        assertThat((double) r.alerts().size() / r.summary().connections())
                .as("share alerted; by category %s", r.byCategory()).isGreaterThanOrEqualTo(0.95);
    }

    /** Plain HTTP, the one normal service whose modern form looks like KDD's: at most 0.5 % alerted. */
    @ParameterizedTest(name = "{0}")
    @CsvSource("normal/visakhsuku-http-1010-connections.pcapng")
    void normalHttpCaptureIsQuiet(String capture) {
        Result r = replay(capture);
        assertThat(r.summary().connections()).isEqualTo(1010);
        assertThat((double) r.alerts().size() / r.summary().connections())
                .as("alerts by category %s", r.byCategory()).isLessThanOrEqualTo(0.005);
    }
}
