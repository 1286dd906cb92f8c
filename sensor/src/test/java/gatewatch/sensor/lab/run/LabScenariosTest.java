package gatewatch.sensor.lab.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import gatewatch.features.kdd.KddFeature;
import gatewatch.features.conn.ConnectionSummary;
import gatewatch.features.kdd.KddFlag;
import gatewatch.features.truth.Labeller;
import gatewatch.features.truth.TruthFile;
import gatewatch.features.truth.TruthRule;
import gatewatch.sensor.lab.LabException;
import gatewatch.sensor.lab.net.Namespaces;
import gatewatch.sensor.lab.service.DhcpServer;
import gatewatch.sensor.lab.scenario.Scenario;
import gatewatch.sensor.lab.scenario.Tool;
import gatewatch.sensor.lab.scenario.Tools;
import gatewatch.sensor.lab.scenario.attack.BruteforceMailHydra;
import gatewatch.sensor.lab.scenario.attack.BruteforceSshHydra;
import gatewatch.sensor.lab.scenario.attack.DosDhcpStarvation;
import gatewatch.sensor.lab.scenario.attack.ScanNmapFiltered;
import gatewatch.sensor.lab.scenario.attack.ScanNmapSyn;
import gatewatch.sensor.lab.scenario.normal.NormalWeb;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records short scenarios in real namespaces and checks the truth against what the tools
 * say they did. Needs root and the scenarios' Debian packages (.ci/run installs them); skips
 * with a message otherwise.
 */
class LabScenariosTest {
    @TempDir
    static Path out;

    private static final String PREFIX = Recorder.PREFIX + ProcessHandle.current().pid() + "-";

    @BeforeAll
    static void needsRootAndTools() throws Exception {
        assumeTrue(Files.readAllLines(Path.of("/proc/self/status")).stream()
                .anyMatch(l -> l.startsWith("Uid:") && l.split("\\s+")[2].equals("0")),
                "skipped: gatewatch lab needs root (network namespaces, daemons)");
        List<Tool> tools = new ArrayList<>(List.of(Tools.IP, Tools.TCPDUMP, Tools.SS));
        for (Scenario s : List.of(new NormalWeb(), new ScanNmapSyn(), new ScanNmapFiltered(), new BruteforceSshHydra())) {
            tools.addAll(s.tools());
        }
        try {
            ToolCheck.check("test", tools);
        } catch (LabException e) {
            assumeTrue(false, "skipped: " + e.getMessage());
        }
    }

    private static Recording record(Scenario s) throws Exception {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        Recording r = new Recorder(out, Recorder.DEFAULT_SEED, PREFIX, false, new PrintStream(progress, true)).record(s);
        // Nothing of the run is left: no namespace, no /etc/netns entry, no work directory.
        assertThat(Namespaces.existing(PREFIX)).isEmpty();
        try (var tmp = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertThat(tmp.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(PREFIX))).isEmpty();
        }
        JsonNode entry = Manifest.read(out).path("recordings").path(r.key());
        assertThat(entry.path("scenario").asText()).isEqualTo(s.name());
        assertThat(entry.path("files").path("pcap").path("sha256").asText()).hasSize(64);
        assertThat(r.unlabelled()).as("connections no truth rule covers").isZero();
        assertThat(r.dropped()).as("packets the capture dropped").isZero();
        return r;
    }

    /** Every connection of the recording with the rule that labelled it. */
    private static List<Labelled> connections(Recording r) throws Exception {
        List<Labelled> all = new ArrayList<>();
        CaptureLabels.label(out.resolve(r.key() + ".pcap"), TruthFile.read(out.resolve(r.key() + ".truth")),
                (rec, rule) -> all.add(new Labelled(rec.conn().ipProtocol(), rec.conn().respPort(), rec.conn().kddFlag(), rule,
                        (long) rec.features().get(KddFeature.NUM_FAILED_LOGINS),
                        (long) rec.features().get(KddFeature.LOGGED_IN))));
        return all;
    }

    private record Labelled(int ipProtocol, int respPort, KddFlag flag, TruthRule rule, long failedLogins, long loggedIn) {
    }

    @Test
    void normalWebIsAllNormalWithTlsPlainAndRstCloses() throws Exception {
        Recording r = record(new NormalWeb());
        List<Labelled> conns = connections(r);
        assertThat(conns).hasSizeGreaterThan(20).allSatisfy(c -> {
            assertThat(c.rule()).isNotNull();
            assertThat(c.rule().category().externalName()).isEqualTo("normal");
        });
        assertThat(r.connections()).containsOnlyKeys("normal");
        assertThat(conns).extracting(Labelled::respPort).contains(80, 443);
        // The abandoned download and the SO_LINGER 0 clients close with RST.
        assertThat(conns).filteredOn(c -> c.flag() == KddFlag.RSTO).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void nmapSynScanProbesAreThePortsNmapTried() throws Exception {
        Recording r = record(new ScanNmapSyn());
        long tried = r.toolReport().get("ports_tried");
        long retries = r.toolReport().get("max_retries");
        assertThat(tried).isEqualTo(1000);
        List<Labelled> conns = connections(r);
        long probes = r.connections().getOrDefault("portsweep", 0L);
        assertThat(r.connections()).containsOnlyKeys("portsweep");
        // One connection per port tried; a retransmission from another source port adds one.
        assertThat(probes).isBetween(tried, tried * (1 + retries));
        Set<Integer> ports = new HashSet<>();
        conns.forEach(c -> ports.add(c.respPort()));
        assertThat(ports).hasSize((int) tried);
        // nginx's two ports answered SYN-ACK (then the client's kernel reset them); the rest REJ.
        assertThat(conns).filteredOn(c -> c.flag() == KddFlag.REJ).hasSizeGreaterThanOrEqualTo((int) tried - 2);
    }

    @Test
    void filteredScanProbesAreTheProbesNmapSentAllUnanswered() throws Exception {
        Recording r = record(new ScanNmapFiltered());
        assertThat(r.connections()).containsOnlyKeys(ScanNmapFiltered.LABEL);
        var report = r.toolReport();
        long tried = report.get("run0_ports_tried");
        assertThat(tried).isEqualTo(1000);
        long sent = report.get("run0_probes_sent");
        assertThat(sent).isBetween(tried, tried * (1 + report.get("run0_max_retries")));
        List<Labelled> conns = connections(r);
        List<Labelled> tcp = conns.stream().filter(c -> c.ipProtocol() == 6).toList();
        // nmap puts the try in the source port: every probe it sent, retries too, is a connection of its own, never answered.
        assertThat(tcp).hasSize((int) sent).allSatisfy(c -> assertThat(c.flag()).isEqualTo(KddFlag.S0));
        assertThat(tcp.stream().map(Labelled::respPort).distinct().count()).isEqualTo(tried);
        // The rest is the gateway's host unreachables: at least the ones nmap counted (later ones come after it exits).
        List<Labelled> icmp = conns.stream().filter(c -> c.ipProtocol() != 6).toList();
        assertThat(icmp).allSatisfy(c -> assertThat(c.ipProtocol()).isEqualTo(1));
        assertThat((long) icmp.size()).isGreaterThanOrEqualTo(report.get("run0_ports_host_unreach")).isLessThan(tried);
    }

    @Test
    void hydraConnectionsAreTheOnesHydraOpened() throws Exception {
        Recording r = record(new BruteforceSshHydra());
        long attempts = r.toolReport().get("attempts");
        long expected = r.toolReport().get("connections_expected");
        assertThat(r.toolReport().get("passwords_found")).isEqualTo(1);
        assertThat(attempts).isGreaterThanOrEqualTo(r.toolReport().get("password_position"));
        assertThat(r.connections()).containsOnlyKeys("ssh_guess");
        assertThat(r.connections().get("ssh_guess")).isEqualTo(expected);
        List<Labelled> conns = connections(r);
        assertThat(conns).allSatisfy(c -> assertThat(c.respPort()).isEqualTo(22));
        // The failed logins inferred from the encrypted messages' sizes are hydra's failed attempts,
        // and the one login is the password it found (docs/FEATURES.md, SSH). With -f hydra stops
        // at the find: each task may leave one attempt the server never answered.
        long failed = attempts - r.toolReport().get("passwords_found");
        assertThat(conns.stream().mapToLong(Labelled::failedLogins).sum())
                .as("failed logins inferred; hydra: %s", r.toolReport())
                .isBetween(failed - r.toolReport().get("tasks_used"), failed);
        assertThat(conns.stream().mapToLong(Labelled::loggedIn).sum()).isEqualTo(1);
        assertThat(Files.readString(out.resolve(Manifest.ATTACK_TYPES))).contains("ssh_guess r2l\n");
    }

    @Test
    void pop3GuessingIsTheConnectionsAndFailedLoginsDovecotLogged() throws Exception {
        Scenario pop3 = BruteforceMailHydra.pop3();
        try {
            ToolCheck.check("test", pop3.tools());
        } catch (LabException e) {
            assumeTrue(false, "skipped: " + e.getMessage());
        }
        // Seed 1: USER/PASS, the right password in the list.
        Recording r = record(pop3);
        var t = r.toolReport();
        assertThat(r.connections()).containsOnlyKeys("guess_passwd", "normal");
        // One connection per Login/Disconnected line of dovecot's pop3-login for the address.
        assertThat(r.connections().get("guess_passwd")).as("hydra: %s", t).isEqualTo(t.get("server_connections"));
        assertThat(r.connections().get("normal")).isEqualTo(t.get("normal_connections")).isEqualTo(3);
        List<Labelled> conns = connections(r);
        assertThat(conns).allSatisfy(c -> assertThat(c.respPort()).isEqualTo(110));
        List<Labelled> guesses = conns.stream().filter(c -> c.rule().label().equals("guess_passwd")).toList();
        // Every password dovecot refused is a failed login on the wire, the found one the login.
        long failed = guesses.stream().mapToLong(Labelled::failedLogins).sum();
        assertThat(failed).as("hydra: %s", t).isEqualTo(t.get("server_failed_logins")).isPositive();
        assertThat(guesses.stream().mapToLong(Labelled::loggedIn).sum()).isEqualTo(t.get("passwords_found")).isEqualTo(1);
        // hydra counts an attempt when it sends it: those in flight when -f stopped it were never answered.
        assertThat(t.get("attempts")).isBetween(failed + 1, failed + t.get("tasks"));
        assertThat(conns).filteredOn(c -> c.rule().label().equals("normal"))
                .allSatisfy(c -> assertThat(c.failedLogins()).isZero()).allSatisfy(c -> assertThat(c.loggedIn()).isEqualTo(1));
    }

    @Test
    void dhcpStarvationRecordsAreThePacketsTheFloodAndTheServerCounted() throws Exception {
        try {
            ToolCheck.check("test", new DosDhcpStarvation().tools());
        } catch (LabException e) {
            assumeTrue(false, "skipped: " + e.getMessage());
        }
        // Seed 1: a REQUEST for every offer, more DISCOVERs than the pool holds.
        Recording r = record(new DosDhcpStarvation());
        var t = r.toolReport();
        assertThat(r.connections()).containsOnlyKeys(DosDhcpStarvation.LABEL);
        List<ConnectionSummary> conns = new ArrayList<>();
        CaptureLabels.label(out.resolve(r.key() + ".pcap"), TruthFile.read(out.resolve(r.key() + ".truth")),
                (rec, rule) -> conns.add(rec.conn()));
        String relay = "10.77.1.1";
        // Every DISCOVER and REQUEST has the same addresses and ports: one connection from 0.0.0.0.
        List<ConnectionSummary> floods = conns.stream().filter(c -> c.origAddress().toString().equals(DhcpServer.UNSPECIFIED)).toList();
        assertThat(floods).singleElement().satisfies(c -> {
            assertThat(c.origPackets()).isEqualTo(t.get("discovers_sent") + t.get("requests_sent"));
            assertThat(c.respPackets()).isZero();
        });
        // The server's answers leave through the relay: one connection per address it offered (each leased), NAKs broadcast.
        List<ConnectionSummary> answers = conns.stream().filter(c -> c.origAddress().toString().equals(relay)).toList();
        assertThat(answers.stream().mapToLong(ConnectionSummary::origPackets).sum())
                .isEqualTo(t.get("server_offer") + t.get("server_ack") + t.get("server_nak"));
        assertThat(answers.stream().filter(c -> !c.respAddress().toString().equals(DhcpServer.BROADCAST)))
                .hasSize(DhcpServer.POOL_SIZE).allSatisfy(c -> assertThat(c.respPort()).isEqualTo(DhcpServer.CLIENT_PORT));
        assertThat(floods.size() + answers.size()).isEqualTo(conns.size());
        // The pool ran out: every address leased, the DISCOVERs after it unanswered.
        assertThat(t.get("leases")).isEqualTo(DhcpServer.POOL_SIZE);
        assertThat(t.get("server_no_address")).isPositive();
        // Every REQUEST the script sent reached the server through the relay; it heard no offer the server did not make.
        assertThat(t.get("server_request")).isEqualTo(t.get("requests_sent"));
        assertThat(t.get("offers_heard")).isLessThanOrEqualTo(t.get("server_offer"));
    }

    @Test
    void labellerCountsWhatTheTruthMisses() throws Exception {
        Recording r = record(new ScanNmapSyn());
        // Without the scenario's rule nothing is covered: the recording would report them all.
        Labeller l = CaptureLabels.label(out.resolve(r.key() + ".pcap"), new gatewatch.features.truth.Truth(List.of()),
                (rec, rule) -> { });
        assertThat(l.unlabelled()).isEqualTo(r.connections().get("portsweep"));
    }

    @Test
    void aFailingScenarioLeavesNothingBehind() throws Exception {
        long[] daemonPid = new long[1];
        Scenario failing = new Scenario() {
            public String name() {
                return "test-failing";
            }

            public String summary() {
                return "starts a daemon, then fails";
            }

            public List<Tool> tools() {
                return List.of(Tools.PYTHON);
            }

            public void run(gatewatch.sensor.lab.scenario.LabRun lab) {
                daemonPid[0] = lab.startServer("sleeper", List.of(lab.path(Tools.PYTHON), "-c", "import time; time.sleep(300)")).pid();
                throw new IllegalStateException("boom");
            }
        };
        Recorder recorder = new Recorder(out, Recorder.DEFAULT_SEED, PREFIX, false, new PrintStream(new ByteArrayOutputStream()));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> recorder.record(failing))
                .isInstanceOf(LabException.class).hasMessageContaining("scenario test-failing failed").hasMessageContaining("boom");
        assertThat(ProcessHandle.of(daemonPid[0]).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(Namespaces.existing(PREFIX)).isEmpty();
        assertThat(out.resolve("test-failing.pcap.part")).doesNotExist();
        assertThat(out.resolve("test-failing.pcap")).doesNotExist();
    }

    @Test
    void aConnectionNoRuleCoversFailsTheRecording() throws Exception {
        Scenario unlabelled = new Scenario() {
            public String name() {
                return "test-unlabelled";
            }

            public String summary() {
                return "one connection to a closed port, and no truth";
            }

            public List<Tool> tools() {
                return List.of(Tools.CURL);
            }

            public void run(gatewatch.sensor.lab.scenario.LabRun lab) {
                lab.client("curl", java.time.Duration.ofSeconds(10), List.of(lab.path(Tools.CURL), "-s", "http://" + lab.net().server() + ":9/"));
            }
        };
        Recorder recorder = new Recorder(out, Recorder.DEFAULT_SEED, PREFIX, false, new PrintStream(new ByteArrayOutputStream()));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> recorder.record(unlabelled))
                .isInstanceOf(LabException.class)
                .hasMessageContaining("test-unlabelled: 1 connections are covered by no truth rule")
                .hasMessageContaining("tcp 10.77.1.2 10.77.2.2");
        assertThat(Manifest.read(out).path("recordings").path("test-unlabelled").path("unlabelled").asLong()).isEqualTo(1);
    }
}
