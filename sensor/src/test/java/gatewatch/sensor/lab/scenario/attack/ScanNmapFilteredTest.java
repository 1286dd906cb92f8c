package gatewatch.sensor.lab.scenario.attack;

import static gatewatch.sensor.lab.scenario.attack.DosScenariosTest.conn;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gatewatch.features.truth.FlowPattern;
import gatewatch.sensor.lab.LabException;
import gatewatch.sensor.lab.net.Topology;
import gatewatch.sensor.lab.scenario.Scenarios;
import gatewatch.sensor.lab.scenario.attack.ScanNmapFiltered.MasscanScan;
import gatewatch.sensor.lab.scenario.attack.ScanNmapFiltered.NmapScan;
import gatewatch.sensor.lab.scenario.attack.ScanNmapFiltered.Scan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** scan-nmap-filtered's scans per seed, command lines, truth rules and tool counts (the recording itself needs root). */
class ScanNmapFilteredTest {
    private static final Topology NET = new Topology("t-");
    private static final String SCANNER = NET.clientAlias(ScanNmapFiltered.NMAP_ALIAS);

    @Test
    void theSeedPicksPortSetTimingRetriesAndTool() {
        assertThat(ScanNmapFiltered.scans(1, new SplittableRandom(1))).containsExactly(new NmapScan(List.of("-p", "1-1000"), 4, 1));
        assertThat(ScanNmapFiltered.scans(2, new SplittableRandom(2))).containsExactly(new NmapScan(List.of("--top-ports", "500"), 3, 2));
        List<Scan> third = ScanNmapFiltered.scans(3, new SplittableRandom(3));
        assertThat(third).hasSize(2);
        assertThat(third.get(0)).isInstanceOfSatisfying(NmapScan.class, n -> {
            assertThat(n.timing()).isEqualTo(5);
            assertThat(n.maxRetries()).isZero();
            assertThat(n.ports()).hasSize(2).startsWith("-p");
            String[] range = n.ports().get(1).split("-");
            assertRandomRange(Integer.parseInt(range[0]), Integer.parseInt(range[1]));
        });
        assertThat(third.get(1)).isInstanceOfSatisfying(MasscanScan.class, m -> assertRandomRange(m.first(), m.last()));
        // The same seed gives the same ranges; the cycle repeats from seed 4.
        assertThat(ScanNmapFiltered.scans(3, new SplittableRandom(3))).isEqualTo(third);
        assertThat(ScanNmapFiltered.scans(4, new SplittableRandom(4))).isEqualTo(ScanNmapFiltered.scans(1, new SplittableRandom(1)));
        assertThat(new ScanNmapFiltered().corpusSeeds()).isEqualTo(3);
        assertThat(Scenarios.byName("scan-nmap-filtered")).isInstanceOf(ScanNmapFiltered.class);
    }

    private static void assertRandomRange(int first, int last) {
        assertThat(first).isGreaterThanOrEqualTo(ScanNmapFiltered.RANDOM_FIRST_PORT);
        assertThat(last).isLessThanOrEqualTo(65535);
        assertThat(last - first + 1).isBetween(ScanNmapFiltered.RANDOM_PORTS_MIN, ScanNmapFiltered.RANDOM_PORTS_MAX);
    }

    @Test
    void commandLinesScanTheSilentAddressFromTheScannersOwnAddress() {
        List<String> nmap = new NmapScan(List.of("--top-ports", "500"), 3, 2).command("nmap", SCANNER, Path.of("/w/n.xml"), 2);
        // No host discovery (the target never answers one), no reverse DNS, -v for the packet count.
        assertThat(nmap).containsSubsequence("nmap", "-sS", "-Pn", "-n").contains("-T3", "-v")
                .containsSubsequence("--top-ports", "500").containsSubsequence("--max-retries", "2")
                .containsSubsequence("-S", SCANNER).containsSubsequence("-e", Topology.HOST_IF)
                .containsSubsequence("-oX", "/w/n.xml").endsWith(ScanNmapFiltered.TARGET);
        String source = NET.clientAlias(ScanNmapFiltered.MASSCAN_ALIAS);
        List<String> masscan = new MasscanScan(2000, 2999).command("masscan", source, Path.of("/w/m.txt"), 3);
        assertThat(masscan).contains("-p2000-2999", ScanNmapFiltered.TARGET).containsSubsequence("--seed", "3")
                .containsSubsequence("--rate", Integer.toString(ScanNmapFiltered.MASSCAN_RATE))
                .containsSubsequence("--source-ip", source).containsSubsequence("--adapter", Topology.HOST_IF);
    }

    @Test
    void theTargetIsAServerNetworkAddressNobodyHolds() {
        List<String> held = new ArrayList<>(List.of(NET.gatewayServerSide(), NET.server(), NET.serverBroadcast()));
        IntStream.range(0, Topology.SERVER_ALIASES).mapToObj(NET::serverAlias).forEach(held::add);
        IntStream.range(0, Topology.SERVER_HOSTS).mapToObj(NET::serverHost).forEach(held::add);
        assertThat(ScanNmapFiltered.TARGET).startsWith("10.77.2.").isNotIn(held);
    }

    @Test
    void theRulesCoverTheProbesAndTheGatewaysIcmpErrorsOnly() {
        List<FlowPattern> rules = ScanNmapFiltered.rules(NET, ScanNmapFiltered.NMAP_ALIAS);
        String target = ScanNmapFiltered.TARGET;
        assertThat(rules).anyMatch(r -> r.matches(conn(6, SCANNER, 40000, target, 22)));
        // Host unreachable from the gateway to the scanner, in either orientation.
        assertThat(rules).anyMatch(r -> r.matches(conn(1, NET.gatewayClientSide(), 3, SCANNER, 1)));
        assertThat(rules).anyMatch(r -> r.matches(conn(1, SCANNER, 3, NET.gatewayClientSide(), 1)));
        // Nothing else of the scanner's, and nobody else's.
        assertThat(rules).noneMatch(r -> r.matches(conn(6, SCANNER, 40000, NET.server(), 22)));
        assertThat(rules).noneMatch(r -> r.matches(conn(17, SCANNER, 40000, target, 53)));
        assertThat(rules).noneMatch(r -> r.matches(conn(6, NET.client(), 40000, target, 22)));
        assertThat(rules).noneMatch(r -> r.matches(conn(6, NET.clientAlias(ScanNmapFiltered.MASSCAN_ALIAS), 40000, target, 22)));
    }

    @Test
    void theScannersAreAddressesNoOtherScenarioUses() {
        List<Integer> taken = new ArrayList<>(IntStream.range(0, ScanNmap.pingSweeps().runs().size()).map(ScanNmap::alias).boxed().toList());
        taken.addAll(ScanTcpSweep.ALIASES);
        taken.addAll(List.of(ScanMasscan.ALIAS, DosSmurf.VICTIM_ALIAS, DosSynackReflection.LIVE_VICTIM_ALIAS, DosDnsAmplification.VICTIM_ALIAS,
                DosUdpReflection.LIVE_VICTIM_ALIAS, DosHttpFlood.AB_ALIAS, DosHttpFlood.NORMAL_ALIAS, DosSynFlood.NORMAL_ALIAS,
                BruteforceSshDistributed.USER_ALIAS, BruteforceSshMedusa.USER_ALIAS));
        IntStream.range(DosHttpFloodBots.FIRST_BOT_ALIAS, DosHttpFloodBots.FIRST_BOT_ALIAS + DosHttpFloodBots.BOTS).forEach(taken::add);
        IntStream.range(DosHttpFloodBots.FIRST_CUSTOMER_ALIAS, DosHttpFloodBots.FIRST_CUSTOMER_ALIAS + DosHttpFloodBots.CUSTOMERS).forEach(taken::add);
        assertThat(List.of(ScanNmapFiltered.NMAP_ALIAS, ScanNmapFiltered.MASSCAN_ALIAS)).doesNotHaveDuplicates()
                .doesNotContainAnyElementsOf(taken).allSatisfy(a -> assertThat(a).isBetween(0, Topology.CLIENT_ALIASES - 1));
    }

    @Test
    void countsComeFromNmapsOwnReport() {
        // nmap 7.93's report of 1000 ports of the silent address at -T4 --max-retries 1 (seed 1).
        String xml = """
                <scaninfo type="syn" protocol="tcp" numservices="1000" services="1-1000"/>
                <host><status state="up" reason="user-set" reason_ttl="0"/>
                <ports><extraports state="filtered" count="1000">
                <extrareasons reason="no-response" count="967" proto="tcp" ports="1-3,5-6"/>
                <extrareasons reason="host-unreach" count="33" proto="tcp" ports="4,80"/>
                </extraports></ports></host>""";
        String out = "Nmap done: 1 IP address (1 host up) scanned in 33.20 seconds\n           Raw packets sent: 2000 (88.000KB) | Rcvd: 33 (2.376KB)\n";
        assertThat(ScanNmapFiltered.nmapCounts(xml, out)).containsExactly(entry("ports_tried", 1000L), entry("ports_filtered", 1000L),
                entry("ports_host_unreach", 33L), entry("probes_sent", 2000L), entry("packets_received", 33L));
        // -T5 --max-retries 0 gives up before the gateway's unreachables come: no host-unreach reason.
        String t5 = xml.replace("<extrareasons reason=\"host-unreach\" count=\"33\" proto=\"tcp\" ports=\"4,80\"/>", "");
        assertThat(ScanNmapFiltered.nmapCounts(t5, out)).containsEntry("ports_host_unreach", 0L);
        assertThatThrownBy(() -> ScanNmapFiltered.nmapCounts(xml, "Nmap done")).isInstanceOf(LabException.class).hasMessageContaining("Raw packets sent");
        assertThatThrownBy(() -> ScanNmapFiltered.nmapCounts("<nmaprun/>", out)).isInstanceOf(LabException.class).hasMessageContaining("numservices");
    }
}
