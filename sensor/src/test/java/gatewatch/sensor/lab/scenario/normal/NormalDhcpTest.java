package gatewatch.sensor.lab.scenario.normal;

import static org.assertj.core.api.Assertions.assertThat;

import gatewatch.sensor.lab.scenario.Scenarios;
import gatewatch.sensor.lab.service.DhcpServer;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** normal-dhcp's clients (the recording itself needs root). */
class NormalDhcpTest {
    @Test
    void everyProfileLeasesAndTheClientsHaveTheirOwnUnicastMacs() {
        SplittableRandom rnd = new SplittableRandom(1);
        Set<String> profiles = new HashSet<>();
        Set<String> macs = new HashSet<>();
        for (int i = 0; i < NormalDhcp.CLIENTS; i++) {
            profiles.add(NormalDhcp.profile(i, rnd));
            String mac = NormalDhcp.mac(i, rnd);
            assertThat(mac).matches("([0-9a-f]{2}:){5}[0-9a-f]{2}");
            // Unicast and globally administered, as a network card's: the low two bits of the first byte clear.
            assertThat(Integer.parseInt(mac.substring(0, 2), 16) & 3).isZero();
            macs.add(mac);
        }
        assertThat(profiles).containsExactlyInAnyOrderElementsOf(NormalDhcp.PROFILES);
        assertThat(macs).hasSize(NormalDhcp.CLIENTS);
        assertThat(NormalDhcp.CLIENTS).isLessThan(DhcpServer.POOL_SIZE);
    }

    @Test
    void theRunSeesRenewalsAtTheServersT1() {
        // Each client binds in its first 8.5 s and renews at T1: at least one renewal each within the run.
        assertThat(DhcpServer.T1_SECONDS + 8.5 + 1).isLessThan(NormalDhcp.DURATION_SECONDS);
        assertThat(DhcpServer.T1_SECONDS).isLessThan(DhcpServer.T2_SECONDS);
        assertThat(DhcpServer.T2_SECONDS).isLessThan(DhcpServer.LEASE_SECONDS);
        assertThat(Scenarios.byName("normal-dhcp")).isInstanceOf(NormalDhcp.class);
    }
}
