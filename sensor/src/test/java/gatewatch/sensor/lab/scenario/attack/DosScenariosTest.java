package gatewatch.sensor.lab.scenario.attack;

import static org.assertj.core.api.Assertions.assertThat;

import gatewatch.features.conn.ConnectionSummary;
import gatewatch.features.conn.FinishReason;
import gatewatch.features.conn.IpAddress;
import gatewatch.features.kdd.KddFlag;
import gatewatch.features.kdd.ProtocolType;
import gatewatch.features.kdd.Service;
import gatewatch.features.truth.FlowPattern;
import gatewatch.features.truth.Proto;
import gatewatch.sensor.lab.net.Topology;
import gatewatch.sensor.lab.scenario.Scenario;
import gatewatch.sensor.lab.scenario.Scenarios;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** What the DoS scenarios build and parse without running anything (the recordings themselves need root). */
class DosScenariosTest {
    private static final Topology NET = new Topology("t-");

    static ConnectionSummary conn(int proto, String orig, int origPort, String resp, int respPort) {
        return new ConnectionSummary(0, 0, ip(orig), origPort, ip(resp), respPort, proto, ProtocolType.ofIpProtocol(proto),
                Service.OTHER, KddFlag.S0, KddFlag.S0, "S", 0, 0, 1, 0, 40, 0, 0, false, 0, 0, FinishReason.TIMEOUT);
    }

    private static IpAddress ip(String s) {
        try {
            return IpAddress.of(InetAddress.getByName(s));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(s, e);
        }
    }

    @Test
    void hpingStatisticsAreRead() {
        String out = "HPING 10.77.2.2 (veth-gw 10.77.2.2): S set, 40 headers + 0 data bytes\n\n"
                + "--- 10.77.2.2 hping statistic ---\n3000 packets transmitted, 788 packets received, 74% packet loss\n"
                + "round-trip min/avg/max = 0.1/0.2/3.0 ms\n";
        assertThat(Hping.parse(out)).isEqualTo(new Hping.Stats(3000, 788));
        assertThat(Hping.parse("hping3: can't open raw socket")).isNull();
    }

    @Test
    void eachSynFloodPhaseLabelsTheSynsItsCommandLineSends() {
        List<DosSynFlood.Phase> phases = DosSynFlood.phases(NET);
        assertThat(phases).extracting(DosSynFlood.Phase::name).doesNotHaveDuplicates().hasSize(5);
        for (DosSynFlood.Phase p : phases) {
            List<String> a = p.hpingArgs();
            assertThat(a).contains("-S", "-c", Integer.toString(DosSynFlood.PACKETS)).endsWith(NET.server());
            String source = a.contains("--rand-source") ? "198.51.100.7" : a.get(a.indexOf("-a") + 1);
            int dport = Integer.parseInt(a.get(a.indexOf("-p") + 1));
            int sport = a.contains("-s") ? Integer.parseInt(a.get(a.indexOf("-s") + 1)) : 40000;
            ConnectionSummary syn = conn(6, source, sport, NET.server(), dport);
            assertThat(p.flow().matches(syn)).as(p.name()).isTrue();
            // The normal user's rule, which comes first in the truth, must not take the flood's connections.
            assertThat(FlowPattern.of(Proto.TCP, NET.clientAlias(DosSynFlood.NORMAL_ALIAS), NET.server()).matches(syn)).isFalse();
        }
        DosSynFlood.Phase eq = phases.get(4);
        assertThat(eq.hpingArgs()).containsSubsequence("-p", "80", "-s", "80", "-k");
        // sport = dport but a forged source that is not the server: neptune's rule, and not a land connection.
        assertThat(eq.flow().matches(conn(6, "203.0.113.5", 80, NET.server(), 80))).isTrue();
        assertThat(eq.flow().matches(conn(6, "203.0.113.5", 81, NET.server(), 80))).isFalse();
    }

    @Test
    void dnsQueryIsAWellFormedEdnsQuery() {
        byte[] q = DnsQuery.of(0x1234, "big.lab.test", DnsQuery.TYPE_TXT, 4096);
        // 12 header + 14 name + 4 type/class + 11 OPT: the 41 bytes tcpdump showed for each query.
        assertThat(q).hasSize(41);
        assertThat(q).startsWith(0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 1, 3, 'b', 'i', 'g', 3, 'l', 'a', 'b', 4, 't', 'e', 's', 't', 0,
                0, 16, 0, 1);
        assertThat(q).endsWith(0, 0, 41, 0x10, 0x00, 0, 0, 0, 0, 0, 0);
        assertThat(DnsQuery.of(1, "big.lab.test", DnsQuery.TYPE_ANY, 4096)[27]).isEqualTo((byte) 255);
    }

    @Test
    void slowhttptestCountsAreReadThroughItsColourCodes() {
        String out = "\u001B[1;32minitializing:\u001B[1;32m        0\n\u001B[1;32mconnected:   \u001B[1;32m        120\n"
                + "\u001B[1;32mclosed:      \u001B[1;32m        0\n"
                + "\u001B[1;32minitializing:\u001B[1;32m        0\n\u001B[1;32mconnected:   \u001B[1;32m        300\n"
                + "\u001B[1;32mclosed:      \u001B[1;32m        2\n";
        assertThat(DosSlowHttp.finalCounts(out)).isEqualTo(Map.of("initializing", 0L, "connected", 300L, "closed", 2L));
        assertThat(DosSlowHttp.arguments("-B", "http://x/form")).containsSubsequence("-B", "-c", "300").contains("-t", "POST", "-s");
        assertThat(DosSlowHttp.arguments("-H", "http://x/")).doesNotContain("POST");
    }

    @Test
    void smurfAmplifiersAreDistinctHostsInsideTheServerNetwork() {
        var hosts = new HashSet<String>();
        for (int i = 0; i < Topology.SERVER_HOSTS; i++) {
            hosts.add(NET.serverHost(i));
            assertThat(NET.serverHostNs(i)).startsWith("t-");
        }
        assertThat(hosts).hasSize(Topology.SERVER_HOSTS).doesNotContain(NET.server(), NET.gatewayServerSide(), NET.serverBroadcast());
        for (int i = 0; i < Topology.SERVER_ALIASES; i++) {
            assertThat(hosts).doesNotContain(NET.serverAlias(i));
        }
        assertThat(DosSmurf.AMPLIFIERS).isLessThanOrEqualTo(Topology.SERVER_HOSTS);
        // Smurf labels by the victim only: the requests to the broadcast and every amplifier's reply.
        FlowPattern smurf = FlowPattern.of(Proto.ICMP, NET.clientAlias(DosSmurf.VICTIM_ALIAS), "*").eitherDirection();
        assertThat(smurf.matches(conn(1, NET.clientAlias(DosSmurf.VICTIM_ALIAS), 8, NET.serverBroadcast(), 0))).isTrue();
        assertThat(smurf.matches(conn(1, NET.serverHost(3), 0, NET.clientAlias(DosSmurf.VICTIM_ALIAS), 0))).isTrue();
    }

    @Test
    void openResolverTxtRecordsFitDnsCharacterStrings() {
        String lines = gatewatch.sensor.lab.service.OpenResolver.txtRecords(new SplittableRandom(1));
        List<String> records = lines.lines().toList();
        assertThat(records).hasSize(gatewatch.sensor.lab.service.OpenResolver.BIG_RECORDS);
        for (String r : records) {
            String text = r.substring(r.indexOf('"') + 1, r.lastIndexOf('"'));
            // One TXT character-string holds at most 255 bytes; dnsmasq refuses longer ones.
            assertThat(text.length()).isLessThanOrEqualTo(255).isGreaterThan(200);
            assertThat(r).startsWith("txt-record=big.lab.test,\"");
        }
    }

    @Test
    void everyScenarioHasAUniqueNameAndTheDosAndScanScenariosAreListed() {
        List<String> names = Scenarios.all().stream().map(Scenario::name).toList();
        assertThat(names).doesNotHaveDuplicates().contains("dos-syn-flood", "dos-icmp-flood", "dos-smurf", "dos-udp-flood", "dos-land",
                "dos-pod", "dos-teardrop", "dos-http-flood", "dos-slowloris", "dos-slow-post", "dos-synack-reflection",
                "dos-dns-amplification", "dos-udp-reflection", "dos-dhcp-starvation", "scan-nmap-connect", "scan-nmap-ack", "scan-nmap-fin-xmas-null", "scan-nmap-udp", "scan-nmap-os",
                "scan-nmap-version", "scan-nmap-aggressive", "scan-ping-sweep", "scan-masscan");
        for (Scenario s : Scenarios.all()) {
            assertThat(s.name()).matches("[a-z0-9]+(-[a-z0-9]+)*");
            assertThat(s.tools()).isNotEmpty();
        }
    }

    @Test
    void reflectionLabelsTheAnswersAsTheVictimsGatewaySeesThem() {
        List<FlowPattern> flows = DosUdpReflection.victimFlows(NET);
        List<String> reflectors = DosUdpReflection.reflectors(NET);
        assertThat(reflectors).doesNotHaveDuplicates().hasSize(5).allMatch(a -> a.startsWith("10.77.2."));
        String[] victims = {NET.clientAlias(DosUdpReflection.LIVE_VICTIM_ALIAS), NET.outside(DosUdpReflection.SILENT_VICTIM)};
        for (String victim : victims) {
            for (String reflector : reflectors) {
                // Only the answer is seen, so the reflector is the originator: from its service port to a port the forged query chose.
                ConnectionSummary answer = conn(17, reflector, 53, victim, 38211);
                ConnectionSummary ntp = conn(17, reflector, 123, victim, 1024);
                ConnectionSummary error = conn(1, victim, 3, reflector, 3);
                assertThat(flows).as(reflector + " -> " + victim).anyMatch(f -> f.matches(answer)).anyMatch(f -> f.matches(ntp))
                        .anyMatch(f -> f.matches(error));
            }
        }
        // The client's own traffic and traffic between other client-side hosts and the server are not the attack's.
        assertThat(flows).noneMatch(f -> f.matches(conn(17, NET.client(), 40000, NET.server(), 53)))
                .noneMatch(f -> f.matches(conn(17, NET.server(), 53, NET.clientAlias(2), 40000)));
        for (DosUdpReflection.Wave w : DosUdpReflection.WAVES) {
            assertThat(w.reflector()).isBetween(0, reflectors.size() - 1);
        }
        assertThat(DosUdpReflection.WAVES).extracting(DosUdpReflection.Wave::name).doesNotHaveDuplicates();
        // What is learned must be the shape, not one rate or one service: 100 to 1,000 answers a second, DNS and NTP, both victims.
        assertThat(DosUdpReflection.WAVES).extracting(DosUdpReflection.Wave::intervalMicros).contains(1000, 10000);
        assertThat(DosUdpReflection.WAVES).extracting(DosUdpReflection.Wave::dns).contains(true, false);
        assertThat(DosUdpReflection.WAVES).extracting(DosUdpReflection.Wave::liveVictim).contains(true, false);
    }

    @Test
    void theNtpRequestIsAVersion4ClientPacketCarryingItsTransmitTime() {
        byte[] p = DosUdpReflection.ntpRequest(0x0102030405060708L);
        assertThat(p).hasSize(48);
        assertThat(p[0] & 0x07).as("mode").isEqualTo(3);
        assertThat((p[0] >> 3) & 0x07).as("version").isEqualTo(4);
        assertThat(java.util.Arrays.copyOfRange(p, 40, 48)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
    }
}
