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
import gatewatch.sensor.lab.service.SmtpAuthServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * hydra guessing an SMTP AUTH password (AUTH LOGIN, cleartext) against aiosmtpd from a fixed
 * list, the right one at a seeded place after the 8th; {@code -f} stops at the first find. The
 * account's owner sends two mails with swaks from another address before and after: normal.
 * Labelled r2l/guess_passwd: the failed logins are visible (535 to AUTH), which gatewatch counts
 * in num_failed_logins as KDD did for telnet, FTP and POP guessing.
 *
 * <p>hydra's smtp module keeps one connection per task and tries password after password on it
 * (aiosmtpd does not close after failures): the guessing is {@link #TASKS} connections. hydra
 * may count one more attempt than the server saw: a task's last try in flight when {@code -f}
 * stopped it ({@code server_auth_attempts} is aiosmtpd's own count).
 */
public final class BruteforceSmtpHydra implements Scenario {
    static final Tool SWAKS = Tool.of("swaks", "swaks", "--version");
    static final String USER = "mailer";
    static final String PASSWORD = "postbox-19";
    static final int TASKS = 2;

    @Override
    public String name() {
        return "bruteforce-smtp-hydra";
    }

    @Override
    public String summary() {
        return "r2l/guess_passwd: hydra -t " + TASKS + " guessing an SMTP AUTH LOGIN password (" + (GuessLists.COMMON.size() + 1)
                + " words) against aiosmtpd; the owner's swaks mails (normal)";
    }

    @Override
    public List<Tool> tools() {
        List<Tool> t = new ArrayList<>(SmtpAuthServer.TOOLS);
        t.addAll(List.of(Tools.HYDRA, SWAKS));
        return t;
    }

    @Override
    public void run(LabRun lab) throws Exception {
        SmtpAuthServer smtp = SmtpAuthServer.start(lab, USER, PASSWORD);
        lab.label(FlowPattern.of(Proto.TCP, lab.net().client(), lab.net().server()).toPort(25), TruthCategory.R2L, "guess_passwd");
        lab.label(FlowPattern.of(Proto.TCP, Topology.CLIENT_NET, lab.net().server()).toPort(25), TruthCategory.NORMAL, "normal");
        List<String> words = GuessLists.withPassword(lab.random(), PASSWORD, 8);
        lab.writeFile("passwords.txt", String.join("\n", words) + "\n");
        sendMail(lab, 0);
        lab.pause(Duration.ofMillis(300), Duration.ofMillis(1200));
        CommandResult r = lab.client("hydra", Duration.ofSeconds(60), List.of(lab.path(Tools.HYDRA), "-l", USER,
                "-P", lab.workDir().resolve("passwords.txt").toString(), "-t", Integer.toString(TASKS), "-V", "-I", "-f",
                "smtp://" + lab.net().server() + "/LOGIN")).requireOk();
        long attempts = r.output().lines().filter(l -> l.startsWith("[ATTEMPT]") || l.startsWith("[RE-ATTEMPT]")).count();
        long found = r.output().lines().filter(l -> l.contains("login: " + USER) && l.contains("password: " + PASSWORD)).count();
        if (attempts == 0) {
            throw new LabException("hydra reported no attempts: " + CommandResult.tail(r.output()));
        }
        lab.pause(Duration.ofMillis(300), Duration.ofMillis(1200));
        sendMail(lab, 1);
        long serverAuths = smtp.process().output().lines()
                .filter(l -> l.startsWith("auth ") && l.endsWith(" " + lab.net().client())).count();
        lab.report("attempts", attempts);
        lab.report("passwords_found", found);
        lab.report("password_position", words.indexOf(PASSWORD) + 1);
        lab.report("server_auth_attempts", serverAuths);
    }

    private static void sendMail(LabRun lab, int i) {
        lab.client("swaks" + i, Duration.ofSeconds(20), List.of(lab.path(SWAKS), "--server", lab.net().server(),
                "--port", "25", "--local-interface", lab.net().clientAlias(30 + i), "--from", USER + "@lab.test",
                "--to", "friend" + i + "@example.test", "--auth", "LOGIN", "--auth-user", USER, "--auth-password", PASSWORD,
                "--header", "Subject: lab mail " + i, "--body", "hello from the lab, mail " + i, "--helo", "client.lab.test"))
                .requireOk();
    }
}
