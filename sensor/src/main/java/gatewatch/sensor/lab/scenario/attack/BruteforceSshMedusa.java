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
import gatewatch.sensor.lab.scenario.normal.NormalSsh;
import gatewatch.sensor.lab.service.SshServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * SSH password guessing as rows of short connections, the other shape beside
 * {@link BruteforceSshHydra}'s few long ones. First medusa, one task, a new connection for every
 * password, as fast as sshd answers; then ncrack keeping under a rate
 * limit: one connection at a time, {@value #NCRACK_TRIES} passwords each (sshd's MaxAuthTries),
 * {@value #NCRACK_DELAY} between connections, what a patient guessing bot makes. Each list has the
 * right password at a seeded place after the 8th word, and {@code -f} stops at the first find.
 * Before and after, the real user runs a command by password login from its own address: normal.
 * The guessing is r2l/ssh_guess.
 */
public final class BruteforceSshMedusa implements Scenario {
    static final String PASSWORD = "harb0ur-light";
    static final int MAX_AUTH_TRIES = 3;
    static final int NCRACK_TRIES = MAX_AUTH_TRIES;
    static final String NCRACK_DELAY = "2s";
    static final int USER_ALIAS = 6;

    @Override
    public String name() {
        return "bruteforce-ssh-medusa";
    }

    @Override
    public String summary() {
        return "r2l/ssh_guess: medusa (a connection per password) and a slow ncrack (" + NCRACK_TRIES + " a connection, "
                + NCRACK_DELAY + " apart) guessing an SSH password; a real user's ssh commands (normal)";
    }

    @Override
    public List<Tool> tools() {
        List<Tool> t = new ArrayList<>(SshServer.TOOLS);
        t.addAll(List.of(BruteforceFtpMedusa.MEDUSA, BruteforceTelnetNcrack.NCRACK, NormalSsh.SSH, NormalSsh.SSHPASS));
        return t;
    }

    @Override
    public void run(LabRun lab) throws Exception {
        String user = SshServer.start(lab, PASSWORD, SshServer.Options.passwordGuessing(MAX_AUTH_TRIES)).user();
        String server = lab.net().server();
        lab.label(FlowPattern.of(Proto.TCP, lab.net().client(), server).toPort(22), TruthCategory.R2L, "ssh_guess");
        lab.label(FlowPattern.of(Proto.TCP, Topology.CLIENT_NET, server), TruthCategory.NORMAL, "normal");
        List<String> words = GuessLists.withPassword(lab.random(), PASSWORD, 8);
        lab.writeFile("passwords.txt", String.join("\n", words) + "\n");

        userCommand(lab, user, 0);
        lab.pause(Duration.ofMillis(500), Duration.ofMillis(1500));
        CommandResult r = lab.client("medusa", Duration.ofSeconds(110), List.of(lab.path(BruteforceFtpMedusa.MEDUSA),
                "-h", server, "-u", user, "-P", lab.workDir().resolve("passwords.txt").toString(),
                "-M", "ssh", "-t", "1", "-f", "-v", "5")).requireOk();
        long attempts = r.output().lines().filter(l -> l.startsWith("ACCOUNT CHECK:")).count();
        long found = r.output().lines().filter(l -> l.startsWith("ACCOUNT FOUND:") && l.contains(PASSWORD)).count();
        if (attempts == 0) {
            throw new LabException("medusa reported no attempts: " + CommandResult.tail(r.output()));
        }
        lab.pause(Duration.ofMillis(500), Duration.ofMillis(1500));
        List<String> slowWords = GuessLists.withPassword(lab.random(), PASSWORD, 8);
        lab.writeFile("passwords-slow.txt", String.join("\n", slowWords) + "\n");
        CommandResult slow = lab.client("ncrack", Duration.ofSeconds(110), List.of(lab.path(BruteforceTelnetNcrack.NCRACK),
                "-v", "-d1", "-f", "--user", user, "-P", lab.workDir().resolve("passwords-slow.txt").toString(),
                "ssh://" + server + ":22,CL=1,at=" + NCRACK_TRIES + ",cd=" + NCRACK_DELAY)).requireOk();
        lab.pause(Duration.ofMillis(500), Duration.ofMillis(1500));
        userCommand(lab, user, 1);
        lab.report("attempts", attempts);
        lab.report("passwords_found", found);
        lab.report("password_position", words.indexOf(PASSWORD) + 1);
        lab.report("slow_attempts", BruteforceTelnetNcrack.attempts(slow.output()));
        lab.report("slow_connections", BruteforceTelnetNcrack.connections(slow.output()));
        lab.report("slow_password_position", slowWords.indexOf(PASSWORD) + 1);
    }

    /** The real user: one remote command by password login (sshpass), from its own address. */
    private static void userCommand(LabRun lab, String user, int i) {
        List<String> c = new ArrayList<>(List.of(lab.path(NormalSsh.SSHPASS), "-p", PASSWORD, lab.path(NormalSsh.SSH),
                "-b", lab.net().clientAlias(USER_ALIAS + i)));
        c.addAll(NormalSsh.sshOptions());
        c.addAll(List.of("-o", "PubkeyAuthentication=no", user + "@" + lab.net().server(), "uptime; ls -la; df -h"));
        lab.client("user-ssh" + i, Duration.ofSeconds(30), c).requireOk();
    }
}
