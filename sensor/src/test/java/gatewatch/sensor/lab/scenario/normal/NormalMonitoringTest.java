package gatewatch.sensor.lab.scenario.normal;

import static org.assertj.core.api.Assertions.assertThat;

import gatewatch.sensor.lab.net.Topology;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** normal-monitoring without root: what it checks, the rounds' shell lines and their schedule. */
class NormalMonitoringTest {
    private static final Topology NET = new Topology("t-");

    @Test
    void checksEightPortsOnThreeHostsOneOfThemDown() {
        List<NormalMonitoring.Target> targets = NormalMonitoring.targets(NET);
        assertThat(targets).hasSize(NormalMonitoring.PORTS).doesNotHaveDuplicates();
        assertThat(targets.stream().map(NormalMonitoring.Target::host).distinct()).hasSize(3);
        assertThat(targets.stream().filter(t -> !t.up())).singleElement()
                .isEqualTo(new NormalMonitoring.Target(NET.serverAlias(1), NormalMonitoring.DOWN_PORT, false));
        assertThat(targets.stream().allMatch(t -> t.host().startsWith("10.77.2."))).isTrue();
    }

    @Test
    void aRoundConnectsToEveryPortOnceThenAsksHttpDnsAndPingsEveryHost() {
        List<NormalMonitoring.Target> targets = NormalMonitoring.targets(NET);
        List<String> hosts = List.of(NET.server(), NET.serverAlias(0), NET.serverAlias(1));
        String round = NormalMonitoring.nagiosRound("nc", "curl", "dig", "python3 ping.py", NET.client(), NET.server(), targets,
                List.of("http://10.77.2.2/health", "https://10.77.2.2/health"), hosts, 500);
        List<String> lines = round.lines().toList();
        assertThat(lines.stream().filter(l -> l.contains("nc -z -w 1 -s " + NET.client()))).hasSize(targets.size());
        for (NormalMonitoring.Target t : targets) {
            assertThat(round).contains(" " + t.host() + " " + t.port() + "; then echo 'tcp up " + t + "'");
        }
        assertThat(lines.stream().filter(l -> l.startsWith("curl "))).hasSize(2).allMatch(l -> l.contains("--interface " + NET.client()));
        assertThat(round).contains("dig +short +time=1 +tries=1 -b " + NET.client() + " @" + NET.server() + " www.lab.test A");
        assertThat(lines).contains("python3 ping.py 10.77.1.2 10.77.2.2 1 1 500", "python3 ping.py 10.77.1.2 10.77.2.10 1 1 501",
                "python3 ping.py 10.77.1.2 10.77.2.11 1 1 502");
        assertThat(NormalMonitoring.httpGets("curl", "10.77.1.51", true, List.of("http://x/health"))).contains(" -0 ");
        assertThat(NormalMonitoring.httpGets("curl", "10.77.1.51", false, List.of("http://x/health"))).doesNotContain(" -0 ");
    }

    @Test
    void roundsStartByTheClockEveryPeriodAndTheScriptWaitsForTheLast() {
        List<Long> periods = NormalMonitoring.jittered(new SplittableRandom(9), 50, 5000);
        assertThat(periods).hasSize(50).allMatch(p -> p >= 4500 && p <= 5500);
        assertThat(periods.stream().distinct().count()).isGreaterThan(10);
        String sh = NormalMonitoring.schedule("sh", List.of("a\n", "b\n", "c\n"), List.of(4800L, 5123L, 5000L)).get(2);
        assertThat(sh).isEqualTo("(\na\n) &\nsleep 4.800\n(\nb\n) &\nsleep 5.123\n(\nc\n) &\nwait\n");
    }
}
