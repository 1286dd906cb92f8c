package gatewatch.sensor.lab.scenario.attack;

import static org.assertj.core.api.Assertions.assertThat;

import gatewatch.features.truth.FlowPattern;
import gatewatch.features.truth.Proto;
import gatewatch.sensor.lab.net.Topology;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The command lines and labels of the scan scenarios (the recordings themselves need root). */
class ScanScenariosTest {
    private static final Topology NET = new Topology("t-");
    private static final List<ScanNmap> ALL = List.of(ScanNmap.connect(), ScanNmap.ack(), ScanNmap.finXmasNull(), ScanNmap.udp(),
            ScanNmap.os(), ScanNmap.version(), ScanNmap.aggressive(), ScanNmap.pingSweeps());

    @Test
    void labelsFollowTheKddChoiceForEachMode() {
        assertThat(ALL).extracting(ScanNmap::label)
                .containsExactly("portsweep", "nmap", "nmap", "portsweep", "nmap", "satan", "satan", "ipsweep");
    }

    @Test
    void everyRunIsReproducibleAndQuiet() {
        for (ScanNmap s : ALL) {
            for (int i = 0; i < s.runs().size(); i++) {
                List<String> c = s.command("nmap", NET.clientAlias(ScanNmap.alias(i)), Path.of("/w/x.xml"), "10.77.2.2", i);
                // No reverse DNS (it would add connections of its own), one retransmission at most, the run's own source.
                assertThat(c).as(s.name()).contains("-n").containsSubsequence("--max-retries", "1")
                        .containsSubsequence("-S", NET.clientAlias(ScanNmap.alias(i))).endsWith("10.77.2.2");
                if (!s.sweep()) {
                    assertThat(c).as(s.name()).contains("-Pn", "-r");
                }
            }
        }
        assertThat(ScanNmap.finXmasNull().runs()).extracting(r -> r.get(0)).containsExactly("-sF", "-sX", "-sN");
        assertThat(ScanNmap.pingSweeps().runs()).allSatisfy(r -> assertThat(r).contains("-sn"));
    }

    @Test
    void aScannersRuleCoversTheIcmpErrorsSentBackToIt() {
        String scanner = NET.clientAlias(ScanNmap.alias(0));
        FlowPattern rule = FlowPattern.of(Proto.ANY, scanner, "*").eitherDirection();
        // Port unreachable from the server (UDP scan), host unreachable / time exceeded from the gateway (sweeps, traceroute).
        assertThat(rule.matches(DosScenariosTest.conn(1, NET.server(), 3, scanner, 3))).isTrue();
        assertThat(rule.matches(DosScenariosTest.conn(1, NET.gatewayClientSide(), 11, scanner, 0))).isTrue();
        assertThat(rule.matches(DosScenariosTest.conn(6, NET.clientAlias(ScanNmap.alias(3)), 5000, NET.server(), 80))).isFalse();
        // Run aliases stay clear of the other attack scenarios' fixed addresses and of the normal user.
        for (int i = 0; i < 3; i++) {
            assertThat(ScanNmap.alias(i)).isLessThan(Topology.CLIENT_ALIASES).isNotEqualTo(ScanMasscan.ALIAS).isNotEqualTo(49);
        }
    }

    @Test
    void masscanIsSeededAndRateLimited() {
        List<String> a = ScanMasscan.arguments("10.77.1.50", "10.77.2.2", 7, Path.of("/w/m.txt"));
        assertThat(a).containsSubsequence("--seed", "7").containsSubsequence("--rate", Integer.toString(ScanMasscan.RATE))
                .containsSubsequence("--source-ip", "10.77.1.50").contains("-p1-1000", "10.77.2.2");
    }
}
