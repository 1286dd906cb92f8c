package gatewatch.sensor.lab.scenario.attack;

import static gatewatch.sensor.lab.scenario.attack.DosScenariosTest.conn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gatewatch.features.truth.FlowPattern;
import gatewatch.sensor.lab.LabException;
import gatewatch.sensor.lab.net.Topology;
import gatewatch.sensor.lab.scenario.Scenarios;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What dos-http-flood-bots decides without root: who is a bot, the customers' sessions, the bots' counts. */
class DosHttpFloodBotsTest {
    private static final Topology NET = new Topology("t-");

    @Test
    void everyBotIsItsOwnAddressAndNoCustomerIsABot() {
        List<String> bots = DosHttpFloodBots.bots(NET);
        assertThat(bots).hasSize(DosHttpFloodBots.BOTS).doesNotHaveDuplicates().doesNotContain(NET.client());
        List<FlowPattern> flows = DosHttpFloodBots.botFlows(NET);
        for (String bot : bots) {
            assertThat(flows).as(bot).anyMatch(f -> f.matches(conn(6, bot, 40000, NET.server(), 80)));
            // Only the web server: nothing else a bot address might do is taken for the flood.
            assertThat(flows).noneMatch(f -> f.matches(conn(6, bot, 40000, NET.server(), 22)));
        }
        for (int i = 0; i < DosHttpFloodBots.CUSTOMERS; i++) {
            String customer = NET.clientAlias(DosHttpFloodBots.FIRST_CUSTOMER_ALIAS + i);
            assertThat(flows).as(customer).noneMatch(f -> f.matches(conn(6, customer, 40000, NET.server(), 80)));
        }
    }

    @Test
    void aCustomerBrowsesFromItsOwnAddressAtHumanPauses() {
        String script = DosHttpFloodBots.customerScript(new SplittableRandom(3), "/usr/bin/curl", "10.77.1.50", "http://10.77.2.2");
        assertThat(script).isEqualTo(DosHttpFloodBots.customerScript(new SplittableRandom(3), "/usr/bin/curl", "10.77.1.50",
                "http://10.77.2.2"));
        List<String> commands = List.of(script.split("; "));
        long curls = commands.stream().filter(c -> c.startsWith("/usr/bin/curl ")).count();
        assertThat(curls).isEqualTo(DosHttpFloodBots.CUSTOMER_VISITS);
        assertThat(commands.stream().filter(c -> c.startsWith("/usr/bin/curl "))).allMatch(c -> c.contains("--interface 10.77.1.50 "));
        Pattern sleep = Pattern.compile("sleep (\\d+\\.\\d)");
        List<Double> pauses = commands.stream().map(sleep::matcher).filter(java.util.regex.Matcher::matches)
                .map(m -> Double.parseDouble(m.group(1))).toList();
        assertThat(pauses).hasSize(DosHttpFloodBots.CUSTOMER_VISITS).allMatch(p -> p >= 1.5 && p <= 5.0);
        // Pages the shop has, quoted for the shell (search words come with '&' in no URL, but '?' must not glob).
        assertThat(script).contains("'http://10.77.2.2/").doesNotContain(" http://10.77.2.2/search");
    }

    @Test
    void theBotsTotalLineIsRead() {
        String out = "bot 10.77.1.10 rate 5.2 requests 130 connections 51 errors 0\ntotal requests 2982 connections 1102 errors 1\n";
        assertThat(DosHttpFloodBots.totals(out)).containsExactly(2982, 1102, 1);
        assertThatThrownBy(() -> DosHttpFloodBots.totals("Traceback (most recent call last):")).isInstanceOf(LabException.class)
                .hasMessageContaining("no total line");
    }

    @Test
    void itIsRegisteredAsAnHttpFlood() {
        assertThat(Scenarios.byName("dos-http-flood-bots").summary()).startsWith("dos/http_flood:");
    }
}
