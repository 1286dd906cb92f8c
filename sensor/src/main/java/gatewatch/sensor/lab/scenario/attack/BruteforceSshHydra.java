package gatewatch.sensor.lab.scenario.attack;

import gatewatch.features.truth.FlowPattern;
import gatewatch.features.truth.Proto;
import gatewatch.features.truth.TruthCategory;
import gatewatch.sensor.lab.CommandResult;
import gatewatch.sensor.lab.LabException;
import gatewatch.sensor.lab.scenario.LabRun;
import gatewatch.sensor.lab.scenario.Scenario;
import gatewatch.sensor.lab.scenario.Tool;
import gatewatch.sensor.lab.scenario.Tools;
import gatewatch.sensor.lab.service.SshServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * hydra guessing the password of the server's SSH user from a fixed list of common passwords,
 * the right one at a seeded place in the second half; {@code -f} stops at the first find. Labelled r2l/ssh_guess (docs/LAB.md says
 * why not guess_passwd).
 */
public final class BruteforceSshHydra implements Scenario {
    /** Common passwords, tried in this order; the user's password is put in at a seeded place after the 12th. */
    static final List<String> WORDS = List.of("123456", "password", "12345678", "qwerty", "123456789", "12345",
            "1234", "111111", "1234567", "dragon", "123123", "baseball", "abc123", "football", "monkey", "letmein",
            "shadow", "master", "666666", "qwertyuiop", "123321", "mustang", "1234567890", "michael");
    static final String PASSWORD = "sunshine42";
    static final int TASKS = 4;
    /**
     * hydra's ssh module tries password after password on one connection; when sshd closes it
     * after MaxAuthTries failures, hydra stalls for its 32 s response timeout before it
     * reconnects. Above the tries a task makes here, so each task keeps its one connection.
     */
    static final int MAX_AUTH_TRIES = 10;
    private static final Pattern CHILD = Pattern.compile("\\[child (\\d+)]");

    @Override
    public String name() {
        return "bruteforce-ssh-hydra";
    }

    @Override
    public String summary() {
        return "r2l/ssh_guess: hydra -t " + TASKS + " guessing an SSH password (" + (WORDS.size() + 1) + " words) against sshd";
    }

    @Override
    public List<Tool> tools() {
        List<Tool> t = new ArrayList<>(SshServer.TOOLS);
        t.add(Tools.HYDRA);
        return t;
    }

    @Override
    public void run(LabRun lab) throws Exception {
        String user = SshServer.start(lab, PASSWORD, SshServer.Options.passwordGuessing(MAX_AUTH_TRIES)).user();
        lab.label(FlowPattern.of(Proto.TCP, lab.net().client(), lab.net().server()).toPort(22), TruthCategory.R2L, "ssh_guess");
        List<String> words = new ArrayList<>(WORDS);
        words.add(12 + lab.random().nextInt(WORDS.size() - 12 + 1), PASSWORD);
        lab.writeFile("passwords.txt", String.join("\n", words) + "\n");
        lab.pause(Duration.ofMillis(200), Duration.ofMillis(1000));
        CommandResult r = lab.client("hydra", Duration.ofSeconds(60), List.of(lab.path(Tools.HYDRA), "-l", user,
                "-P", lab.workDir().resolve("passwords.txt").toString(), "-t", Integer.toString(TASKS), "-V", "-I", "-f",
                "ssh://" + lab.net().server())).requireOk();
        long attempts = r.output().lines().filter(l -> l.startsWith("[ATTEMPT]") || l.startsWith("[RE-ATTEMPT]")).count();
        long found = r.output().lines().filter(l -> l.contains("login: " + user) && l.contains("password: ")).count();
        if (attempts == 0) {
            throw new LabException("hydra reported no attempts: " + CommandResult.tail(r.output()));
        }
        // hydra first opens one connection to ask which authentication methods sshd offers, then
        // one per task it uses.
        long tasksUsed = r.output().lines().filter(l -> l.startsWith("[ATTEMPT]"))
                .map(l -> CHILD.matcher(l).results().map(m -> m.group(1)).findFirst().orElse(""))
                .distinct().count();
        lab.report("attempts", attempts);
        lab.report("tasks_used", tasksUsed);
        lab.report("connections_expected", 1 + tasksUsed);
        lab.report("passwords_found", found);
        lab.report("password_position", words.indexOf(PASSWORD) + 1);
    }
}
