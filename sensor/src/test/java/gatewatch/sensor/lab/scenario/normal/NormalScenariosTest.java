package gatewatch.sensor.lab.scenario.normal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import gatewatch.sensor.lab.net.Topology;
import gatewatch.sensor.lab.scenario.Scenario;
import gatewatch.sensor.lab.scenario.Scenarios;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the normal scenarios build without root: their registration, schedules, command lines and helper scripts. */
class NormalScenariosTest {
    static final List<String> SCRIPTS = List.of("p2p_peer.py", "p2p_client.py", "rtp_stream.py", "icmp_ping.py",
            "pty_session.py", "paced_lines.py", "telnet_inetd.py", "smtp_server.py", "imap_fetch.py", "pop3_session.py", "api_poll.py", "api_events.py");
    static final List<String> NAMES = List.of("normal-ssh", "normal-p2p", "normal-rtp", "normal-ping", "normal-dns",
            "normal-mail", "normal-pop3", "normal-ftp", "normal-telnet", "normal-mqtt", "normal-ntp", "normal-bulk", "normal-mix", "normal-web-assets", "normal-monitoring",
            "normal-api-polling", "normal-dhcp");

    @TempDir
    Path tmp;

    @Test
    void everyNormalScenarioIsListedOnceWithItsTools() {
        List<String> names = Scenarios.all().stream().map(Scenario::name).toList();
        assertThat(names).containsAll(NAMES).doesNotHaveDuplicates();
        for (String n : NAMES) {
            Scenario s = Scenarios.byName(n);
            assertThat(s.tools()).as(n).isNotEmpty();
            assertThat(s.summary()).as(n).startsWith("normal: ");
        }
    }

    @Test
    void p2pPeersAreDistinctHighPortsOnSixAddresses() {
        String lines = NormalP2p.peerPorts(new Topology("t-"), new SplittableRandom(7));
        List<String> rows = lines.lines().toList();
        assertThat(rows).hasSize(NormalP2p.PEER_ADDRESSES * NormalP2p.PORTS_PER_ADDRESS).doesNotHaveDuplicates();
        Set<String> addresses = new HashSet<>();
        for (String row : rows) {
            String[] w = row.split(" ");
            addresses.add(w[0]);
            assertThat(Integer.parseInt(w[1])).isBetween(20000, 64999);
            assertThat(w[0]).startsWith("10.77.2.");
        }
        assertThat(addresses).hasSize(NormalP2p.PEER_ADDRESSES);
    }

    @Test
    void p2pPeersAvoidThePortsOfTheOtherMixPieces() {
        for (long seed = 0; seed < 200; seed++) {
            for (String row : NormalP2p.peerPorts(new Topology("t-"), new SplittableRandom(seed)).lines().toList()) {
                int port = Integer.parseInt(row.split(" ")[1]);
                assertThat(port >= 20000 && port < 20010 || port >= 40000 && port < 40100).as("seed " + seed + " port " + port).isFalse();
            }
        }
    }

    @Test
    void p2pScheduleDependsOnlyOnTheSeed() {
        Topology t = new Topology("t-");
        assertThat(NormalP2p.peerPorts(t, new SplittableRandom(3))).isEqualTo(NormalP2p.peerPorts(t, new SplittableRandom(3)))
                .isNotEqualTo(NormalP2p.peerPorts(t, new SplittableRandom(4)));
    }

    @Test
    void theMixDeclaresTheToolsOfEveryPiece() {
        List<gatewatch.sensor.lab.scenario.Tool> tools = new NormalMix().tools();
        for (Scenario piece : NormalMix.pieces()) {
            assertThat(tools).as(piece.name()).containsAll(piece.tools());
        }
        assertThat(tools).doesNotHaveDuplicates();
    }

    @Test
    void pop3UsersEachCheckTheirMailFromTheirOwnAddressesSomeOverStlsAndOneOrTwoMistypeFirst() {
        Set<Boolean> tls = new HashSet<>();
        Set<NormalPop3.Typo> typos = new HashSet<>();
        for (long seed = 1; seed <= 40; seed++) {
            List<NormalPop3.Session> plan = NormalPop3.plan(new SplittableRandom(seed));
            assertThat(plan).hasSize(NormalPop3.SESSIONS).isEqualTo(NormalPop3.plan(new SplittableRandom(seed)));
            assertThat(plan.stream().map(NormalPop3.Session::account).distinct().count()).isEqualTo(NormalPop3.ACCOUNTS.size());
            assertThat(plan.stream().filter(s -> s.typo() != NormalPop3.Typo.NONE).count()).isBetween(1L, 2L);
            for (NormalPop3.Session s : plan) {
                // A user's own machine or its phone, never another user's.
                assertThat(s.alias() - NormalPop3.FIRST_ALIAS).isIn(s.account(), s.account() + NormalPop3.ACCOUNTS.size());
                assertThat(s.alias()).isLessThan(Topology.CLIENT_ALIASES);
                assertThat(s.connections()).isEqualTo(s.typo() == NormalPop3.Typo.NEW ? 2 : 1);
                tls.add(s.tls());
                typos.add(s.typo());
            }
        }
        assertThat(tls).containsExactlyInAnyOrder(true, false);
        assertThat(typos).containsExactlyInAnyOrder(NormalPop3.Typo.values());
    }

    @Test
    void countReadsTheNumberAfterItsKey() {
        String out = "10.77.2.2 transmitted 5 received 4\nudp_exchanges 12\n";
        assertThat(LabScripts.count(out, "received")).isEqualTo(4);
        assertThat(LabScripts.count(out, "udp_exchanges")).isEqualTo(12);
        assertThat(LabScripts.count(out, "tcp_transfers")).isEqualTo(-1);
    }

    @Test
    void bulkTestsAskIperfForUdpAndReverseAsDeclared() {
        assertThat(NormalBulk.command("iperf3", "10.77.1.2", "10.77.2.2", new String[] {"udp", "1", "1M", "3"}))
                .containsSubsequence("-c", "10.77.2.2").contains("-u", "-R").containsSubsequence("-b", "1M");
        assertThat(NormalBulk.command("iperf3", "10.77.1.2", "10.77.2.2", new String[] {"tcp", "0", "2M", "3"}))
                .doesNotContain("-u", "-R");
    }

    @Test
    void everyPythonHelperParses() throws Exception {
        Path python = Path.of("/usr/bin/python3");
        assumeTrue(Files.isExecutable(python), "no /usr/bin/python3 (Debian package python3): helper scripts not checked");
        for (String name : SCRIPTS) {
            String text;
            try (InputStream in = NormalScenariosTest.class.getResourceAsStream("/gatewatch/sensor/lab/templates/" + name)) {
                assertThat(in).as(name).isNotNull();
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            assertThat(text).as(name + " must not contain template variables").doesNotContain("${");
            Path file = Files.writeString(tmp.resolve(name), text);
            assertThat(compile(python, file)).as(name).isZero();
        }
    }

    private static int compile(Path python, Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(python.toString(), "-m", "py_compile", file.toString()).redirectErrorStream(true).start();
        p.getInputStream().transferTo(System.err);
        return p.waitFor();
    }
}
