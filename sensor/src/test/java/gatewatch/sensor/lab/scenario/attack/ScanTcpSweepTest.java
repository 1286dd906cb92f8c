package gatewatch.sensor.lab.scenario.attack;

import static gatewatch.sensor.lab.scenario.attack.DosScenariosTest.conn;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gatewatch.features.truth.FlowPattern;
import gatewatch.sensor.lab.LabException;
import gatewatch.sensor.lab.net.Topology;
import gatewatch.sensor.lab.scenario.Scenarios;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** scan-tcp-sweep's command lines, truth rules and tool counts (the recording itself needs root). */
class ScanTcpSweepTest {
    private static final Topology NET = new Topology("t-");
    private static final String SWEEPER = NET.clientAlias(ScanTcpSweep.ALIASES.get(0));

    @Test
    void sweepsOnePortOfEveryAddressOfTheServerNetwork() {
        List<String> ping = ScanTcpSweep.nmap("nmap", 0, SWEEPER, Path.of("/w/0.xml"));
        List<String> syn = ScanTcpSweep.nmap("nmap", 1, NET.clientAlias(ScanTcpSweep.ALIASES.get(1)), Path.of("/w/1.xml"));
        assertThat(ping).containsSubsequence("-sn", "-PS80").doesNotContain("-p", "-Pn");
        assertThat(syn).containsSubsequence("-sS", "-Pn", "-p", "443").doesNotContain("-sn");
        for (List<String> c : List.of(ping, syn)) {
            // No reverse DNS (connections of its own), one retransmission, the run's own source, -v for the packet count.
            assertThat(c).contains("-n", "-v").containsSubsequence("--max-retries", "1")
                    .containsSubsequence("-e", Topology.HOST_IF).endsWith(Topology.SERVER_NET);
        }
        assertThat(ping).containsSubsequence("-S", SWEEPER);
        List<String> m = ScanTcpSweep.masscan("masscan", NET.clientAlias(ScanTcpSweep.ALIASES.get(2)), 7, Path.of("/w/m.txt"));
        assertThat(m).contains("-p80", Topology.SERVER_NET).containsSubsequence("--seed", "7")
                .containsSubsequence("--rate", Integer.toString(ScanTcpSweep.MASSCAN_RATE))
                .containsSubsequence("--source-ip", NET.clientAlias(ScanTcpSweep.ALIASES.get(2)));
        assertThat(Scenarios.byName("scan-tcp-sweep")).isInstanceOf(ScanTcpSweep.class);
    }

    @Test
    void theRulesCoverProbesAnswersAndIcmpErrorsOfTheSweepersOnly() {
        List<FlowPattern> rules = ScanTcpSweep.rules(NET);
        assertThat(rules).hasSize(3);
        for (int i = 0; i < 3; i++) {
            String s = NET.clientAlias(ScanTcpSweep.ALIASES.get(i));
            FlowPattern r = rules.get(i);
            assertThat(r.matches(conn(6, s, 40000, "10.77.2.200", 80))).as("probe to an absent host").isTrue();
            assertThat(r.matches(conn(6, s, 40000, NET.server(), 443))).as("probe to the server").isTrue();
            // Host unreachable from the gateway, oriented from the gateway to the sweeper.
            assertThat(r.matches(conn(1, NET.gatewayClientSide(), 3, s, 1))).as("host unreachable").isTrue();
            assertThat(r.matches(conn(6, NET.client(), 40000, NET.server(), 80))).isFalse();
        }
        assertThat(rules.get(0).matches(conn(6, NET.clientAlias(ScanTcpSweep.ALIASES.get(1)), 40000, NET.server(), 443))).isFalse();
    }

    @Test
    void theSweepersAreAddressesNoOtherScenarioUses() {
        List<Integer> taken = new ArrayList<>(IntStream.range(0, ScanNmap.pingSweeps().runs().size()).map(ScanNmap::alias).boxed().toList());
        taken.addAll(List.of(ScanMasscan.ALIAS, DosSmurf.VICTIM_ALIAS, DosSynackReflection.LIVE_VICTIM_ALIAS, DosDnsAmplification.VICTIM_ALIAS,
                DosUdpReflection.LIVE_VICTIM_ALIAS, DosHttpFlood.AB_ALIAS, DosHttpFlood.NORMAL_ALIAS, BruteforceSshDistributed.USER_ALIAS));
        IntStream.range(DosHttpFloodBots.FIRST_BOT_ALIAS, DosHttpFloodBots.FIRST_BOT_ALIAS + DosHttpFloodBots.BOTS).forEach(taken::add);
        IntStream.range(DosHttpFloodBots.FIRST_CUSTOMER_ALIAS, DosHttpFloodBots.FIRST_CUSTOMER_ALIAS + DosHttpFloodBots.CUSTOMERS).forEach(taken::add);
        assertThat(ScanTcpSweep.ALIASES).doesNotHaveDuplicates().doesNotContainAnyElementsOf(taken)
                .allSatisfy(a -> assertThat(a).isBetween(0, Topology.CLIENT_ALIASES - 1));
    }

    @Test
    void countsComeFromTheToolsOwnReports() {
        String xml = """
                <host><ports><port protocol="tcp" portid="443"><state state="filtered" reason="host-unreach" reason_ttl="64"/></port></ports></host>
                <host><ports><port protocol="tcp" portid="443"><state state="closed" reason="reset" reason_ttl="64"/></port></ports></host>
                <host><ports><port protocol="tcp" portid="443"><state state="open" reason="syn-ack" reason_ttl="63"/></port></ports></host>
                <host><ports><port protocol="tcp" portid="443"><state state="filtered" reason="no-response" reason_ttl="0"/></port></ports></host>
                <runstats><hosts up="256" down="0" total="256"/></runstats>""";
        String out = "Nmap done: 256 IP addresses (256 hosts up) scanned in 6.90 seconds\n           Raw packets sent: 494 (21.736KB) | Rcvd: 33 (1.404KB)\n";
        assertThat(ScanTcpSweep.nmapCounts(xml, out)).containsExactly(entry("hosts_up", 256L), entry("hosts_down", 0L),
                entry("ports_open", 1L), entry("ports_closed", 1L), entry("ports_filtered", 2L),
                entry("probes_sent", 494L), entry("packets_received", 33L));
        // A ping sweep lists no ports.
        assertThat(ScanTcpSweep.nmapCounts("<hosts up=\"20\" down=\"236\" total=\"256\"/>", out)).doesNotContainKey("ports_open")
                .containsEntry("hosts_up", 20L).containsEntry("hosts_down", 236L);
        assertThatThrownBy(() -> ScanTcpSweep.nmapCounts(xml, "Nmap done")).isInstanceOf(LabException.class).hasMessageContaining("Raw packets sent");
        assertThat(ScanTcpSweep.masscanCounts("Initiating SYN Stealth Scan\nScanning 256 hosts [1 port/host]\n",
                List.of("#masscan", "open tcp 80 10.77.2.2 1796680730", "# end"))).containsEntry("probes_sent", 256L).containsEntry("ports_open", 1L);
    }
}
