package gatewatch.sensor.lab.scenario.attack;

import static org.assertj.core.api.Assertions.assertThat;

import gatewatch.sensor.lab.scenario.Scenarios;
import gatewatch.sensor.lab.scenario.attack.BruteforceMailHydra.Plan;
import gatewatch.sensor.lab.scenario.attack.BruteforceMailHydra.Protocol;
import gatewatch.sensor.lab.service.MailServer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** What the mail guessing scenarios decide without root: the seeded attacker, hydra's command line, registration. */
class BruteforceMailHydraTest {
    private static Plan plan(long seed) {
        return BruteforceMailHydra.plan(seed, new SplittableRandom(seed));
    }

    @Test
    void theMethodFollowsTheSeedSoThatSeedsOneToThreeCoverTheCommandsAndBothSaslMechanisms() {
        assertThat(plan(1).method()).isEqualTo("CLEAR");
        assertThat(plan(2).method()).isEqualTo("PLAIN");
        assertThat(plan(3).method()).isEqualTo("LOGIN");
        assertThat(plan(4).method()).isEqualTo("CLEAR");
    }

    @Test
    void everyPlanKeepsEachTaskWithinItsRoundsAndTheRightPasswordInTheSecondHalf() {
        for (long seed = 1; seed <= 200; seed++) {
            Plan p = plan(seed);
            assertThat(p).as("seed %d", seed).isEqualTo(plan(seed));
            assertThat(p.names()).contains(BruteforceMailHydra.VICTIM.user()).hasSizeBetween(1, 2).doesNotHaveDuplicates();
            assertThat(p.words()).doesNotHaveDuplicates().hasSizeBetween(4, 12);
            assertThat(Math.ceilDiv(p.attempts(), p.tasks())).as("seed %d: attempts per task", seed)
                    .isBetween(1, BruteforceMailHydra.MAX_ROUNDS);
            int at = p.words().indexOf(BruteforceMailHydra.VICTIM.password());
            if (p.passwordFound()) {
                assertThat(at).as("seed %d", seed).isGreaterThanOrEqualTo(p.words().size() / 2);
            } else {
                assertThat(at).isEqualTo(-1);
            }
            if (p.attemptWait() > 0) {
                // hydra -c enforces one task; the slow attacker guesses one name.
                assertThat(p.tasks()).isEqualTo(1);
                assertThat(p.connectWait()).isZero();
                assertThat(p.names()).hasSize(1);
            }
        }
    }

    @Test
    void seedsVaryWhatAnAttackerVaries() {
        Set<Integer> tasks = new HashSet<>();
        Set<Integer> sizes = new HashSet<>();
        Set<Boolean> found = new HashSet<>();
        Set<Integer> names = new HashSet<>();
        long slow = LongStream.rangeClosed(1, 40).filter(s -> plan(s).attemptWait() > 0).count();
        long waits = LongStream.rangeClosed(1, 40).filter(s -> plan(s).connectWait() > 0).count();
        for (long seed = 1; seed <= 40; seed++) {
            Plan p = plan(seed);
            tasks.add(p.tasks());
            sizes.add(p.words().size());
            found.add(p.passwordFound());
            names.add(p.names().size());
        }
        assertThat(tasks).hasSizeGreaterThan(3);
        assertThat(sizes).hasSizeGreaterThan(5);
        assertThat(found).containsExactlyInAnyOrder(true, false);
        assertThat(names).containsExactlyInAnyOrder(1, 2);
        assertThat(slow).isBetween(3L, 20L);
        assertThat(waits).isBetween(3L, 30L);
    }

    @Test
    void hydrasCommandLineAsksForThePlansTasksWaitsAndMethod() {
        Plan fast = new Plan(4, 2, 0, List.of("info", "mia"), List.of("a", "b"), false, "PLAIN");
        assertThat(BruteforceMailHydra.command("hydra", fast, Protocol.IMAP, "10.77.2.2", "/w/n", "/w/p")).containsExactly(
                "hydra", "-L", "/w/n", "-P", "/w/p", "-t", "4", "-W", "2", "-V", "-I", "-f", "imap://10.77.2.2/PLAIN");
        Plan slow = new Plan(1, 0, 3, List.of("mia"), List.of("a", "b"), false, "CLEAR");
        assertThat(BruteforceMailHydra.command("hydra", slow, Protocol.POP3, "10.77.2.2", "/w/n", "/w/p")).containsExactly(
                "hydra", "-L", "/w/n", "-P", "/w/p", "-t", "1", "-c", "3", "-V", "-I", "-f", "pop3://10.77.2.2/CLEAR");
        assertThat(Protocol.POP3.port).isEqualTo(MailServer.POP3_PORT);
        assertThat(Protocol.IMAP.port).isEqualTo(MailServer.IMAP_PORT);
    }

    @Test
    void bothScenariosAreRegisteredAsGuessPasswdWithTheMailServersTools() {
        for (String name : List.of("bruteforce-pop3-hydra", "bruteforce-imap-hydra")) {
            assertThat(Scenarios.byName(name)).as(name).isNotNull();
            assertThat(Scenarios.byName(name).summary()).startsWith("r2l/guess_passwd:");
            assertThat(Scenarios.byName(name).tools()).contains(MailServer.DOVECOT, MailServer.POP3_LOGIN)
                    .doesNotHaveDuplicates();
        }
        // The victim reads its mail too, from its own address: its account is one of the owners'.
        assertThat(BruteforceMailHydra.OWNERS.getFirst()).isEqualTo(BruteforceMailHydra.VICTIM);
    }
}
