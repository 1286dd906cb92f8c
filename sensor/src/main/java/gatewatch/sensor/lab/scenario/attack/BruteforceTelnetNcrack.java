package gatewatch.sensor.lab.scenario.attack;

import gatewatch.features.truth.FlowPattern;
import gatewatch.features.truth.Proto;
import gatewatch.features.truth.TruthCategory;
import gatewatch.sensor.lab.CommandResult;
import gatewatch.sensor.lab.LabException;
import gatewatch.sensor.lab.net.Topology;
import gatewatch.sensor.lab.scenario.LabRun;
import gatewatch.sensor.lab.scenario.Scenario;
import gatewatch.sensor.lab.scenario.Tool;
import gatewatch.sensor.lab.scenario.Tools;
import gatewatch.sensor.lab.scenario.normal.NormalTelnet;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ncrack guessing the telnet password of the server's user from a fixed list, the right one at a
 * seeded place after the 8th; {@code -f} stops at the first find. The server is
 * {@link NormalTelnet}'s: inetutils telnetd with a login program that, like login(1), allows three
 * tries per connection and answers each wrong one with {@code Login incorrect} after 2 s. So N
 * attempts take about N/3 connections (ncrack opens at most {@value #CONNECTIONS} at once; the
 * last one may carry fewer tries, and the one with the find ends in a shell that ncrack closes).
 * With seed 1 (right password 12th), two recordings: 5 connections, three with 3 failed logins,
 * one with 1 failure and the success, and the parallel one that {@code -f} cut off with 1 or 2
 * failures (timing); 11 or 12 failed logins in all. ncrack reported 12 completed attempts and 5
 * probes (connections) both times: its attempt count is the running total it prints as each
 * connection ends, so it may miss a try of the cut-off connection; its connection count is exact.
 * Before and after, the real user logs in from another address with telnet, typed at a human
 * pace: normal. The guessing is labelled r2l/guess_passwd, KDD's own case: telnet logins with
 * failed tries (num_failed_logins counts the {@code Login incorrect} lines).
 *
 * <p>hydra's telnet module answered telnetd's option negotiation and then waited for a line that
 * never came, and medusa's did not recognise the login prompt; ncrack's module handles both.
 */
public final class BruteforceTelnetNcrack implements Scenario {
    public static final Tool NCRACK = Tool.of("ncrack", "ncrack", "--version");
    static final String USER = "labuser";
    static final String PASSWORD = "c0pper-kettle";
    static final int UID = 64125;
    /** ncrack's connection limit (its CL) and tries per connection (its at: the login program's three). */
    static final int CONNECTIONS = 2;
    static final int TRIES_PER_CONNECTION = 3;
    private static final Pattern ATTEMPTS = Pattern.compile("Attempts: total \\d+ completed (\\d+)");
    private static final Pattern PROBES = Pattern.compile("Probes sent: (\\d+)");

    @Override
    public String name() {
        return "bruteforce-telnet-ncrack";
    }

    @Override
    public String summary() {
        return "r2l/guess_passwd: ncrack guessing a telnet password (" + (GuessLists.COMMON.size() + 1)
                + " words) against inetutils telnetd; a real user's telnet sessions (normal)";
    }

    @Override
    public List<Tool> tools() {
        return List.of(NormalTelnet.TELNETD, NormalTelnet.TELNET, NormalTelnet.SETPRIV, Tools.PYTHON, NCRACK);
    }

    @Override
    public void run(LabRun lab) throws Exception {
        NormalTelnet.startServer(lab, USER, PASSWORD, UID);
        String attacker = lab.net().client();
        lab.label(FlowPattern.of(Proto.TCP, attacker, lab.net().server()).toPort(23), TruthCategory.R2L, "guess_passwd");
        lab.label(FlowPattern.of(Proto.TCP, Topology.CLIENT_NET, lab.net().server()).toPort(23), TruthCategory.NORMAL, "normal");
        List<String> words = GuessLists.withPassword(lab.random(), PASSWORD, 8);
        lab.writeFile("passwords.txt", String.join("\n", words) + "\n");

        NormalTelnet.session(lab, "user-telnet0", lab.net().clientAlias(3), USER, PASSWORD, "id;;ls -la;;date");
        lab.pause(Duration.ofMillis(500), Duration.ofMillis(1500));
        CommandResult r = lab.client("ncrack", Duration.ofSeconds(90), command(lab.path(NCRACK), lab.net().server(), lab.workDir().resolve("passwords.txt").toString()))
                .requireOk();
        long attempts = attempts(r.output());
        long found = r.output().lines().filter(l -> l.startsWith("Discovered credentials on") && l.contains(PASSWORD)).count();
        if (attempts == 0) {
            throw new LabException("ncrack reported no attempts: " + CommandResult.tail(r.output()));
        }
        lab.pause(Duration.ofMillis(500), Duration.ofMillis(1500));
        NormalTelnet.session(lab, "user-telnet1", lab.net().clientAlias(4), USER, PASSWORD, "uptime;;cat /proc/loadavg");
        lab.report("attempts", attempts);
        lab.report("passwords_found", found);
        lab.report("password_position", words.indexOf(PASSWORD) + 1);
        lab.report("connections", connections(r.output()));
        lab.report("user_sessions", 2);
    }

    static List<String> command(String ncrack, String server, String passwordFile) {
        return List.of(ncrack, "-v", "-d1", "-f", "--user", USER, "-P", passwordFile,
                "telnet://" + server + ":23,CL=" + CONNECTIONS + ",at=" + TRIES_PER_CONNECTION);
    }

    /** Logins ncrack completed: its running total, printed as each connection ends. */
    static long attempts(String output) {
        long max = 0;
        for (Matcher m = ATTEMPTS.matcher(output); m.find(); ) {
            max = Math.max(max, Long.parseLong(m.group(1)));
        }
        return max;
    }

    /** Connections ncrack opened (its closing "Probes sent"), or -1 when it did not say. */
    static long connections(String output) {
        Matcher m = PROBES.matcher(output);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }
}
