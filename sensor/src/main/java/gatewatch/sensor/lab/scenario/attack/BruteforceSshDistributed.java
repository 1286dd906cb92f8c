package gatewatch.sensor.lab.scenario.attack;

import gatewatch.features.truth.FlowPattern;
import gatewatch.features.truth.Proto;
import gatewatch.features.truth.TruthCategory;
import gatewatch.sensor.lab.CommandResult;
import gatewatch.sensor.lab.LabException;
import gatewatch.sensor.lab.net.Topology;
import gatewatch.sensor.lab.scenario.Daemon;
import gatewatch.sensor.lab.scenario.LabRun;
import gatewatch.sensor.lab.scenario.Scenario;
import gatewatch.sensor.lab.scenario.Tool;
import gatewatch.sensor.lab.scenario.Tools;
import gatewatch.sensor.lab.scenario.normal.NormalSsh;
import gatewatch.sensor.lab.service.SshServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * Slow distributed SSH guessing as a botnet does it, unlike {@link BruteforceSshHydra} and
 * {@link BruteforceSshMedusa} (one source, many passwords): {@value #BOTS} client aliases, each
 * a bot that joins at a seeded moment and makes {@value #MIN_ATTEMPTS}-{@value #MAX_ATTEMPTS}
 * attempts of its own, one password a connection (OpenSSH's ssh fed by sshpass), with the common
 * user names of such lists (root, admin, ubuntu, pi, ... and now and then the real user's name)
 * and 2-7 s between attempts; plus one hydra from the client's main address, {@code -t 1 -c}
 * {@value #HYDRA_WAIT} s between attempts, over two names and two passwords each. No guess is
 * right. All of it is r2l/ssh_guess. Meanwhile the real user logs in from an address of its own:
 * a mistyped password, then commands and a longer session: normal. sshd's log (LogLevel
 * VERBOSE) counts the connections per source.
 */
public final class BruteforceSshDistributed implements Scenario {
    static final String PASSWORD = "c0ral-Reef-88";
    static final int BOTS = 16;
    static final int FIRST_BOT_ALIAS = 0;
    static final int MIN_ATTEMPTS = 2;
    static final int MAX_ATTEMPTS = 4;
    static final int START_SPREAD_SECONDS = 12;
    static final int USER_ALIAS = 40;
    static final int HYDRA_WAIT = 3;
    static final List<String> HYDRA_USERS = List.of("admin", "support");
    static final List<String> HYDRA_PASSWORDS = List.of("admin123", "support");
    /** The names guessing bots try most (honeypot statistics); the real one is added per run. */
    static final List<String> BOT_USERS = List.of("root", "admin", "ubuntu", "test", "user", "oracle", "pi", "postgres", "git",
            "ftpuser", "guest", "deploy");
    static final List<String> BOT_PASSWORDS = List.of("123456", "password", "root", "toor", "admin", "1234", "raspberry",
            "ubuntu", "test123", "qwerty", "changeme", "P@ssw0rd", "12345678", "default");
    private static final Pattern CONNECTION = Pattern.compile("Connection from (\\S+) port \\d+ on ");

    /** One guess: the name and password, after a pause. */
    record Attempt(String user, String password, double pauseSeconds) {
    }

    @Override
    public String name() {
        return "bruteforce-ssh-distributed";
    }

    @Override
    public String summary() {
        return "r2l/ssh_guess: " + BOTS + " bots (ssh via sshpass) making " + MIN_ATTEMPTS + "-" + MAX_ATTEMPTS
                + " slow attempts each with common user names, and a hydra -t 1 -c " + HYDRA_WAIT + "; a real user's ssh sessions (normal)";
    }

    @Override
    public List<Tool> tools() {
        List<Tool> t = new ArrayList<>(SshServer.TOOLS);
        t.addAll(List.of(NormalSsh.SSH, NormalSsh.SSHPASS, Tools.HYDRA));
        return t;
    }

    @Override
    public void run(LabRun lab) throws Exception {
        // A guessing target whose real user also works in its home.
        SshServer sshd = SshServer.start(lab, PASSWORD, new SshServer.Options("labuser", 64123, false, SshServer.DEFAULT_MAX_AUTH_TRIES, true));
        String user = sshd.user();
        String server = lab.net().server();
        List<String> bots = bots(lab.net());
        for (String bot : bots) {
            lab.label(FlowPattern.of(Proto.TCP, bot, server).toPort(22), TruthCategory.R2L, "ssh_guess");
        }
        lab.label(FlowPattern.of(Proto.TCP, lab.net().client(), server).toPort(22), TruthCategory.R2L, "ssh_guess");
        lab.label(FlowPattern.of(Proto.TCP, Topology.CLIENT_NET, server), TruthCategory.NORMAL, "normal");
        lab.writeFile("hydra-users.txt", String.join("\n", HYDRA_USERS) + "\n");
        lab.writeFile("hydra-passwords.txt", String.join("\n", HYDRA_PASSWORDS) + "\n");

        String ssh = String.join(" ", sshCommand(lab.path(NormalSsh.SSH)));
        Daemon real = lab.startClient("user", List.of("/bin/sh", "-c", userScript(lab, user, ssh)));
        List<Daemon> running = new ArrayList<>();
        int planned = 0;
        for (int i = 0; i < bots.size(); i++) {
            List<Attempt> plan = plan(lab.random(), user);
            planned += plan.size();
            double start = lab.random().nextDouble() * START_SPREAD_SECONDS;
            running.add(lab.startClient("bot" + i, List.of("/bin/sh", "-c",
                    botScript(lab.path(NormalSsh.SSHPASS), ssh, bots.get(i), server, start, plan))));
        }
        lab.pause(Duration.ofSeconds(5), Duration.ofSeconds(8));
        CommandResult hydra = lab.client("hydra", Duration.ofSeconds(60), List.of(lab.path(Tools.HYDRA), "-L",
                lab.workDir().resolve("hydra-users.txt").toString(), "-P", lab.workDir().resolve("hydra-passwords.txt").toString(),
                "-t", "1", "-c", Integer.toString(HYDRA_WAIT), "-V", "-I", "ssh://" + server)).requireOk();
        long made = 0;
        for (Daemon d : running) {
            if (!d.await(90)) {
                throw new LabException("an ssh bot did not finish in 90 s: " + CommandResult.tail(d.output()));
            }
            made += d.output().lines().filter(l -> l.startsWith("attempt ")).count();
        }
        if (!real.await(90) || real.output().lines().filter(l -> l.equals("session rc=0")).count() != 3
                || real.output().lines().filter(l -> l.startsWith("session ")).count() != 4) {
            throw new LabException("the real user's ssh sessions did not all run: " + CommandResult.tail(real.output()));
        }
        long hydraAttempts = hydra.output().lines().filter(l -> l.startsWith("[ATTEMPT]") || l.startsWith("[RE-ATTEMPT]")).count();
        if (made != planned || hydraAttempts == 0) {
            throw new LabException("the bots made " + made + " of " + planned + " attempts, hydra " + hydraAttempts);
        }
        String log = sshd.process().output();
        lab.report("bot_attempts", made);
        lab.report("hydra_attempts", hydraAttempts);
        lab.report("server_bot_connections", connectionsFrom(log, bots));
        lab.report("server_hydra_connections", connectionsFrom(log, List.of(lab.net().client())));
        lab.report("server_user_connections", connectionsFrom(log, List.of(lab.net().clientAlias(USER_ALIAS))));
    }

    static List<String> bots(Topology net) {
        return net.clientAliases(FIRST_BOT_ALIAS, BOTS);
    }

    /** One password a connection; the host's ~/.ssh and keys stay out of it. */
    static List<String> sshCommand(String ssh) {
        List<String> c = new ArrayList<>(List.of(ssh));
        c.addAll(NormalSsh.sshOptions());
        c.addAll(List.of("-o", "PubkeyAuthentication=no", "-o", "PreferredAuthentications=password",
                "-o", "NumberOfPasswordPrompts=1", "-o", "ConnectTimeout=10"));
        return c;
    }

    /** A bot's attempts: a few, each a name of the bots' list (or now and then the real one) with a common password. */
    static List<Attempt> plan(RandomGenerator rnd, String realUser) {
        int n = MIN_ATTEMPTS + rnd.nextInt(MAX_ATTEMPTS - MIN_ATTEMPTS + 1);
        List<Attempt> plan = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String u = rnd.nextInt(6) == 0 ? realUser : BOT_USERS.get(rnd.nextInt(BOT_USERS.size()));
            plan.add(new Attempt(u, BOT_PASSWORDS.get(rnd.nextInt(BOT_PASSWORDS.size())), i == 0 ? 0 : 2 + rnd.nextDouble() * 5));
        }
        return plan;
    }

    /** A bot as a shell script: it waits for its start, then tries each attempt, printing {@code attempt USER rc=N} (5: refused). */
    static String botScript(String sshpass, String ssh, String source, String server, double startSeconds, List<Attempt> plan) {
        StringBuilder s = new StringBuilder("sleep ").append(seconds(startSeconds)).append("; ");
        for (Attempt a : plan) {
            if (a.pauseSeconds() > 0) {
                s.append("sleep ").append(seconds(a.pauseSeconds())).append("; ");
            }
            s.append(sshpass).append(" -p '").append(a.password()).append("' ").append(ssh).append(" -b ").append(source).append(' ')
                    .append(a.user()).append('@').append(server).append(" true; echo \"attempt ").append(a.user()).append(" rc=$?\"; ");
        }
        return s.append("true").toString();
    }

    /** The real user: a mistyped password, then a command, then a longer session, then a last command, at human pauses. */
    private static String userScript(LabRun lab, String user, String ssh) {
        String login = lab.path(NormalSsh.SSHPASS) + " -p '%s' " + ssh + " -b " + lab.net().clientAlias(USER_ALIAS) + " " + user + "@"
                + lab.net().server() + " '%s'; echo \"session rc=$?\"; sleep %s; ";
        RandomGenerator rnd = lab.random();
        return login.formatted(PASSWORD.toLowerCase(Locale.ROOT), "true", seconds(1 + rnd.nextDouble()))
                + login.formatted(PASSWORD, "uptime; ls -la; df -h", seconds(8 + rnd.nextDouble() * 6))
                + login.formatted(PASSWORD, "for i in 1 2 3 4; do date; ps; sleep 1; done", seconds(8 + rnd.nextDouble() * 6))
                + login.formatted(PASSWORD, "cat .profile; id", "0") + "true";
    }

    /** Connections sshd logged from any of {@code sources}. */
    static long connectionsFrom(String sshdLog, List<String> sources) {
        return CONNECTION.matcher(sshdLog).results().filter(m -> sources.contains(m.group(1))).count();
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.1f", s);
    }
}
