package gatewatch.sensor.lab.scenario.attack;

import static gatewatch.sensor.lab.scenario.attack.DosScenariosTest.conn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gatewatch.features.truth.FlowPattern;
import gatewatch.sensor.lab.LabException;
import gatewatch.sensor.lab.net.Topology;
import gatewatch.sensor.lab.scenario.Scenarios;
import gatewatch.sensor.lab.scenario.attack.DosDhcpStarvation.Flood;
import gatewatch.sensor.lab.scenario.attack.DosDhcpStarvation.Style;
import gatewatch.sensor.lab.service.DhcpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dos-dhcp-starvation's floods, truth and tool counts (the recording itself needs root). */
class DosDhcpStarvationTest {
    private static final Topology NET = new Topology("t-");

    @Test
    void theDefaultSeedsGiveEveryStyleOnce() {
        DosDhcpStarvation s = new DosDhcpStarvation();
        assertThat(s.corpusSeeds()).isEqualTo(Style.values().length);
        assertThat(List.of(1L, 2L, 3L, 4L)).extracting(Style::ofSeed).containsExactly(Style.values());
        assertThat(Style.ofSeed(5)).isEqualTo(Style.ofSeed(1));
        assertThat(Scenarios.byName("dos-dhcp-starvation")).isInstanceOf(DosDhcpStarvation.class);
    }

    @Test
    void eachStyleFloodsAtItsRateAndOutlastsThePoolOrNot() {
        int pool = DhcpServer.POOL_SIZE;
        for (long seed = 1; seed <= 40; seed++) {
            Flood f = Flood.of(seed, new SplittableRandom(seed));
            assertThat(f.rate()).as("%s", f).isBetween(20, 400);
            switch (f.style()) {
                case TAKE_OFFERS_PAST_POOL, BROADCAST_FLAG -> assertThat(f.discovers()).as("%s", f).isGreaterThan(pool);
                case TAKE_OFFERS_BELOW_POOL -> assertThat(f.discovers()).as("%s", f).isLessThan(pool);
                case DISCOVER_ONLY -> assertThat(f.discovers()).as("%s", f).isGreaterThanOrEqualTo(200);
            }
            assertThat(f.takesOffers()).isEqualTo(f.style() != Style.DISCOVER_ONLY);
            assertThat(f.broadcastFlag()).isEqualTo(f.style() == Style.BROADCAST_FLAG);
            List<String> a = f.arguments(7);
            assertThat(a).containsExactly(Topology.HOST_IF, Integer.toString(f.discovers()), Integer.toString(f.rate()),
                    f.takesOffers() ? "1" : "0", f.broadcastFlag() ? "1" : "0", "7", Integer.toString(DosDhcpStarvation.LINGER_SECONDS));
        }
    }

    @Test
    void theRulesCoverTheBroadcastsTheRelaysAnswersAndNothingElse() {
        List<FlowPattern> rules = DhcpServer.flows(NET);
        String relay = NET.gatewayClientSide();
        assertThat(rules).anyMatch(r -> r.matches(conn(17, "0.0.0.0", 68, "255.255.255.255", 67)));
        assertThat(rules).anyMatch(r -> r.matches(conn(17, relay, 67, DhcpServer.POOL_FIRST, 68)));
        assertThat(rules).anyMatch(r -> r.matches(conn(17, relay, 67, DhcpServer.poolLast(), 68)));
        assertThat(rules).anyMatch(r -> r.matches(conn(17, relay, 67, "255.255.255.255", 68)));
        // A bound client's renewal or release, and its broadcast INFORM.
        assertThat(rules).anyMatch(r -> r.matches(conn(17, "10.77.1.150", 68, NET.server(), 67)));
        assertThat(rules).anyMatch(r -> r.matches(conn(17, "10.77.1.150", 68, "255.255.255.255", 67)));
        // Not DHCP, or not the pool's: the client's own address, an alias, other ports.
        assertThat(rules).noneMatch(r -> r.matches(conn(17, NET.client(), 40000, NET.server(), 53)));
        assertThat(rules).noneMatch(r -> r.matches(conn(17, relay, 67, NET.clientAlias(0), 68)));
        assertThat(rules).noneMatch(r -> r.matches(conn(17, NET.client(), 68, NET.server(), 67)));
        assertThat(rules).noneMatch(r -> r.matches(conn(17, "0.0.0.0", 68, "255.255.255.255", 53)));
        assertThat(rules).noneMatch(r -> r.matches(conn(6, "0.0.0.0", 68, "255.255.255.255", 67)));
    }

    @Test
    void theScriptsCountsAreRead() {
        String out = "discovers 200 offers 66 requests 66 acks 64 naks 2 seconds 2.07\n";
        assertThat(DosDhcpStarvation.counts(out)).containsExactly(java.util.Map.entry("discovers_sent", 200L),
                java.util.Map.entry("offers_heard", 66L), java.util.Map.entry("requests_sent", 66L),
                java.util.Map.entry("acks_heard", 64L), java.util.Map.entry("naks_heard", 2L));
        assertThatThrownBy(() -> DosDhcpStarvation.counts("Traceback ...")).isInstanceOf(LabException.class)
                .hasMessageContaining("did not say");
    }

    @Test
    void leasesAreTheLinesOfTheLeaseFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("dhcp.leases");
        assertThat(DosDhcpStarvation.leases(f)).isZero();
        Files.writeString(f, "1765155000 b0:ac:f3:77:04:e3 10.77.1.159 * *\n1765155000 08:4d:a4:41:5c:22 10.77.1.168 * *\n");
        assertThat(DosDhcpStarvation.leases(f)).isEqualTo(2);
    }
}
