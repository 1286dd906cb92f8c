package gatewatch.sensor.lab.scenario.attack;

import static org.assertj.core.api.Assertions.assertThat;

import gatewatch.sensor.lab.scenario.Scenario;
import gatewatch.sensor.lab.scenario.Scenarios;
import gatewatch.sensor.lab.service.VulnWebApp;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What the r2l scenarios decide without root: word lists, the tools' counts as parsed, registration. */
class R2lScenariosTest {
    @Test
    void theRightPasswordComesAfterTheSkippedWordsAtASeededPlace() {
        for (long seed = 1; seed <= 50; seed++) {
            List<String> words = GuessLists.withPassword(new SplittableRandom(seed), "right", 8);
            assertThat(words).hasSize(GuessLists.COMMON.size() + 1).containsOnlyOnce("right");
            assertThat(words.indexOf("right")).isGreaterThanOrEqualTo(8);
            assertThat(words).isEqualTo(GuessLists.withPassword(new SplittableRandom(seed), "right", 8));
        }
        // Over seeds the place varies: the tool's attempt count is not the same in every run by accident.
        long places = IntStream.rangeClosed(1, 50)
                .map(s -> GuessLists.withPassword(new SplittableRandom(s), "right", 8).indexOf("right")).distinct().count();
        assertThat(places).isGreaterThan(3);
    }

    @Test
    void sqlmapsRequestCountIsTheHighestRequestNumberOfItsTrafficFile() {
        String traffic = """
                HTTP request [#1]:
                GET /search.php?q=lamp HTTP/1.1
                Host: 10.77.2.2

                HTTP response [#1] (200 OK):
                body mentioning HTTP request [#99]: inside a line, not at its start

                HTTP request [#2]:
                GET /search.php?q=lamp%27 HTTP/1.1

                HTTP request [#39]:
                GET /search.php?q=x HTTP/1.1
                """;
        assertThat(R2lSqlInjection.requests(traffic)).isEqualTo(39);
        assertThat(R2lSqlInjection.requests("no requests")).isZero();
    }

    @Test
    void anInjectionCountsAsRunOnlyWhenItsOutputShows() {
        assertThat(R2lCommandInjection.ran("<pre>127.0.0.1       localhost\n</pre>")).isFalse();
        assertThat(R2lCommandInjection.ran("<pre></pre>")).isFalse();
        assertThat(R2lCommandInjection.ran("<pre>uid=0(root) gid=0(root)\n</pre>")).isTrue();
        assertThat(R2lCommandInjection.ran("<pre>root:x:0:0:root:/root:/bin/sh\n</pre>")).isTrue();
        assertThat(R2lCommandInjection.ran("<pre>127.0.0.1       localhost\n      4       5     189\n</pre>")).isTrue();
        // The baseline request is the page's normal use; every other payload injects something.
        assertThat(R2lCommandInjection.PAYLOADS.getFirst()).isEqualTo("localhost");
        assertThat(R2lCommandInjection.PAYLOADS.subList(1, R2lCommandInjection.PAYLOADS.size()))
                .allMatch(p -> p.matches(".*[;|&`$].*"));
    }

    @Test
    void hydraLooksForTheLoginPagesOwnFailureText() throws Exception {
        String page = new String(VulnWebApp.class.getResourceAsStream("/gatewatch/sensor/lab/templates/webapp/login.php")
                .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page).contains("'" + VulnWebApp.LOGIN_FAILED + "'");
    }

    @Test
    void ncracksCountsAreItsRunningTotalOfAttemptsAndItsProbes() {
        String output = """
                telnet://10.77.2.2:23 (EID 1) Attempts: total 3 completed 3 supported 3 --- rate 0.48
                telnet://10.77.2.2:23 (EID 2) Attempts: total 6 completed 5 supported 3 --- rate 0.48
                telnet://10.77.2.2:23 (EID 3) Attempts: total 9 completed 8 supported 3 --- rate 1.08
                Discovered credentials for telnet on 10.77.2.2 23/tcp:
                Probes sent: 3 | timed-out: 0 | prematurely-closed: 0
                """;
        assertThat(BruteforceTelnetNcrack.attempts(output)).isEqualTo(8);
        assertThat(BruteforceTelnetNcrack.connections(output)).isEqualTo(3);
        assertThat(BruteforceTelnetNcrack.attempts("Ncrack done")).isZero();
        assertThat(BruteforceTelnetNcrack.connections("Ncrack done")).isEqualTo(-1);
    }

    @Test
    void ncrackTriesAsOftenPerConnectionAsTheLoginProgramAllows() throws Exception {
        assertThat(BruteforceTelnetNcrack.command("/usr/bin/ncrack", "10.77.2.2", "/w/passwords.txt")).containsExactly(
                "/usr/bin/ncrack", "-v", "-d1", "-f", "--user", BruteforceTelnetNcrack.USER, "-P", "/w/passwords.txt",
                "telnet://10.77.2.2:23,CL=" + BruteforceTelnetNcrack.CONNECTIONS + ",at=" + BruteforceTelnetNcrack.TRIES_PER_CONNECTION);
        String login = new String(VulnWebApp.class.getResourceAsStream("/gatewatch/sensor/lab/templates/telnet_login.sh")
                .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        // The failure line is what num_failed_logins counts; the loop bound is ncrack's tries per connection.
        assertThat(login).contains("Login incorrect", "$tries -lt " + BruteforceTelnetNcrack.TRIES_PER_CONNECTION + " ]");
    }

    @Test
    void theScenariosAreRegisteredUnderTheirNamesWithTheirLabels() {
        List<String> names = Scenarios.all().stream().map(Scenario::name).toList();
        assertThat(names).contains("bruteforce-ftp-medusa", "bruteforce-smtp-hydra", "r2l-command-injection", "r2l-sql-injection", "r2l-http-guess",
                "bruteforce-telnet-ncrack", "bruteforce-ssh-medusa").doesNotHaveDuplicates();
        assertThat(Scenarios.byName("r2l-command-injection").summary()).startsWith("r2l/phf:");
        assertThat(Scenarios.byName("r2l-sql-injection").summary()).startsWith("r2l/sql_injection:");
        assertThat(Scenarios.byName("r2l-http-guess").summary()).startsWith("r2l/http_guess:");
        assertThat(Scenarios.byName("bruteforce-ftp-medusa").summary()).startsWith("r2l/guess_passwd:");
        assertThat(Scenarios.byName("bruteforce-smtp-hydra").summary()).startsWith("r2l/guess_passwd:");
        assertThat(Scenarios.byName("bruteforce-telnet-ncrack").summary()).startsWith("r2l/guess_passwd:");
        assertThat(Scenarios.byName("bruteforce-ssh-medusa").summary()).startsWith("r2l/ssh_guess:");
    }
}
