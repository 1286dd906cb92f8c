package gatewatch.sensor.lab.scenario.attack;

import static org.assertj.core.api.Assertions.assertThat;

import gatewatch.sensor.lab.net.Topology;
import gatewatch.sensor.lab.scenario.Scenarios;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** What bruteforce-ssh-distributed decides without root: the bots' plans and scripts, and sshd's connection count. */
class BruteforceSshDistributedTest {
    private static final Topology NET = new Topology("t-");

    @Test
    void eachBotMakesAFewWrongGuessesAtPauses() {
        Set<String> users = new HashSet<>();
        for (long seed = 1; seed <= 40; seed++) {
            List<BruteforceSshDistributed.Attempt> plan = BruteforceSshDistributed.plan(new SplittableRandom(seed), "labuser");
            assertThat(plan).hasSizeBetween(BruteforceSshDistributed.MIN_ATTEMPTS, BruteforceSshDistributed.MAX_ATTEMPTS);
            assertThat(plan.getFirst().pauseSeconds()).isZero();
            assertThat(plan.subList(1, plan.size())).allMatch(a -> a.pauseSeconds() >= 2 && a.pauseSeconds() <= 7);
            // No guess is right, and no password would break the shell's single quotes.
            assertThat(plan).noneMatch(a -> a.password().equals(BruteforceSshDistributed.PASSWORD)).noneMatch(a -> a.password().contains("'"));
            plan.forEach(a -> users.add(a.user()));
            assertThat(plan).isEqualTo(BruteforceSshDistributed.plan(new SplittableRandom(seed), "labuser"));
        }
        // Many names, the real one among them now and then.
        assertThat(users).contains("labuser", "root").hasSizeGreaterThan(8);
        assertThat(BruteforceSshDistributed.HYDRA_PASSWORDS).doesNotContain(BruteforceSshDistributed.PASSWORD);
    }

    @Test
    void aBotScriptIsOneSshConnectionPerAttemptFromItsOwnAddress() {
        List<BruteforceSshDistributed.Attempt> plan = List.of(new BruteforceSshDistributed.Attempt("root", "toor", 0),
                new BruteforceSshDistributed.Attempt("pi", "raspberry", 3.25));
        String ssh = String.join(" ", BruteforceSshDistributed.sshCommand("/usr/bin/ssh"));
        String script = BruteforceSshDistributed.botScript("/usr/bin/sshpass", ssh, "10.77.1.12", "10.77.2.2", 4.0, plan);
        assertThat(script).startsWith("sleep 4.0; /usr/bin/sshpass -p 'toor' /usr/bin/ssh ")
                .contains(" -b 10.77.1.12 root@10.77.2.2 true; echo \"attempt root rc=$?\"; sleep 3.3; /usr/bin/sshpass -p 'raspberry' ")
                .contains(" -b 10.77.1.12 pi@10.77.2.2 true; ");
        assertThat(script.split("/usr/bin/sshpass ", -1)).hasSize(3);
        assertThat(ssh).contains("NumberOfPasswordPrompts=1", "PreferredAuthentications=password", "PubkeyAuthentication=no");
    }

    @Test
    void sshdsConnectionLinesAreCountedPerSource() {
        String log = """
                Connection from 10.77.1.10 port 53455 on 10.77.2.2 port 22 rdomain ""
                Failed password for labuser from 10.77.1.10 port 53455 ssh2
                Connection from 10.77.1.2 port 41820 on 10.77.2.2 port 22 rdomain ""
                Connection from 10.77.1.11 port 40000 on 10.77.2.2 port 22 rdomain ""
                Connection from 10.77.1.50 port 46777 on 10.77.2.2 port 22 rdomain ""
                """;
        List<String> bots = BruteforceSshDistributed.bots(NET);
        assertThat(BruteforceSshDistributed.connectionsFrom(log, bots)).isEqualTo(2);
        assertThat(BruteforceSshDistributed.connectionsFrom(log, List.of(NET.client()))).isEqualTo(1);
        assertThat(bots).hasSize(BruteforceSshDistributed.BOTS).doesNotHaveDuplicates()
                .doesNotContain(NET.client(), NET.clientAlias(BruteforceSshDistributed.USER_ALIAS));
    }

    @Test
    void itIsRegisteredAsSshGuessing() {
        assertThat(Scenarios.byName("bruteforce-ssh-distributed").summary()).startsWith("r2l/ssh_guess:");
    }
}
