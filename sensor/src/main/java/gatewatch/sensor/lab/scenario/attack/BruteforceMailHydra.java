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
import gatewatch.sensor.lab.scenario.normal.NormalMail;
import gatewatch.sensor.lab.scenario.normal.NormalPop3;
import gatewatch.sensor.lab.service.MailServer;
import gatewatch.sensor.lab.service.MailServer.Account;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * hydra guessing a mailbox password against dovecot, over POP3 ({@link #pop3()}) or IMAP
 * ({@link #imap()}), from the client's main address; meanwhile the mailboxes' owners check their
 * mail from other addresses before, during and after (normal). Labelled r2l/guess_passwd: KDD's
 * biggest password-guessing group is POP3 guessing, cleartext logins whose failures
 * ({@code -ERR [AUTH] Authentication failed.}, {@code NO [AUTHENTICATIONFAILED]}) gatewatch counts
 * in num_failed_logins.
 *
 * <p>What the seed varies is what attackers vary ({@link Plan}): hydra's tasks, a wait between
 * connects or a slow attempt rate ({@code -c}, one task), one or two login names, the list's
 * length, whether the right password is in it (then one guessing connection logs in and
 * {@code -f} stops), and the login method: seed 1, 4, ... the plain commands (POP3 USER/PASS,
 * IMAP LOGIN), seed 2, 5, ... SASL PLAIN, seed 3, 6, ... SASL LOGIN. hydra keeps one connection
 * per task and tries password after password on it (imap-login closes a connection after 3
 * failures and hydra opens another; POP3 connections carried up to 5); against POP3 it first opens one
 * connection that only asks CAPA. dovecot answers a failure after 2 s and delays every login of
 * an address that keeps failing (its auth penalty, up to 15 s), so a list is tried in rounds of
 * {@code tasks} attempts; the plans keep a task at 3-5 of them and a run at about a minute.
 * The scenario reports hydra's attempts and, from dovecot's log, the attacker's connections and
 * failed logins and the owners' connections, for comparing with the manifest's connections per label.
 *
 * @param name     the scenario's name
 * @param protocol what hydra attacks
 */
public record BruteforceMailHydra(String name, Protocol protocol) implements Scenario {
    static final Account VICTIM = new Account("mia", "harbour-Light8");
    /** The other mailboxes, whose owners read their mail during the attack. */
    static final List<Account> OWNERS = List.of(VICTIM, new Account("otto", "Quill-4-pine"), new Account("lena", "fjord.Sunset2"));
    /** Names guessers try beside the real one. */
    static final List<String> COMMON_NAMES = List.of("admin", "info", "test", "postmaster", "office");
    static final MailServer.Options MAIL = new MailServer.Options(true, true, 6);
    /** Attempts a task makes at least and at most in one run: dovecot's penalty makes each ~3-17 s. */
    static final int MIN_ROUNDS = 3;
    static final int MAX_ROUNDS = 5;
    static final int NORMAL_ALIAS = 24;
    /** dovecot's longest auth penalty (15 s) and its failure delay (2 s): every login hydra left behind is answered by then. */
    static final Duration LAST_ANSWER = Duration.ofSeconds(18);

    /** The protocols hydra attacks here, with its module and the method names of its module options (CLEAR = the plain commands). */
    public enum Protocol {
        POP3("pop3", MailServer.POP3_PORT), IMAP("imap", MailServer.IMAP_PORT);

        final String module;
        final int port;

        Protocol(String module, int port) {
            this.module = module;
            this.port = port;
        }
    }

    /**
     * What one run's attacker does.
     *
     * @param tasks         hydra's -t (1 with {@code attemptWait})
     * @param connectWait   hydra's -W: seconds between a task's connects (0 = none)
     * @param attemptWait   hydra's -c: seconds between attempts over all tasks (0 = none)
     * @param names         the login names tried, the victim's among them
     * @param words         the password list, in order
     * @param passwordFound whether the right password is in the list
     * @param method        hydra's method option: CLEAR, PLAIN or LOGIN
     */
    record Plan(int tasks, int connectWait, int attemptWait, List<String> names, List<String> words, boolean passwordFound,
            String method) {
        int attempts() {
            return names.size() * words.size();
        }
    }

    public static BruteforceMailHydra pop3() {
        return new BruteforceMailHydra("bruteforce-pop3-hydra", Protocol.POP3);
    }

    public static BruteforceMailHydra imap() {
        return new BruteforceMailHydra("bruteforce-imap-hydra", Protocol.IMAP);
    }

    @Override
    public String summary() {
        return "r2l/guess_passwd: hydra guessing a " + protocol + " password against dovecot (seeded tasks, waits, names, list,"
                + " plain commands or SASL PLAIN/LOGIN, right password found or not); the owners' mail checks (normal)";
    }

    /**
     * Every login method (seeds 1-3: USER/PASS or LOGIN, SASL PLAIN, SASL LOGIN); POP3, KDD's
     * biggest guessing group, twice, so that more of the attacker's other choices are in the corpus.
     */
    @Override
    public int corpusSeeds() {
        return protocol == Protocol.POP3 ? 6 : 3;
    }

    @Override
    public List<Tool> tools() {
        List<Tool> t = new ArrayList<>(MailServer.tools(MAIL));
        t.addAll(List.of(Tools.HYDRA, Tools.PYTHON));
        return t;
    }

    /**
     * The seed's attacker: the method by seed; the rest drawn: a slow attacker (one task, -c
     * 2-4 s, 4-5 words) or 1-8 tasks with or without -W, one name or two, and a list as long as
     * keeps each task at {@link #MIN_ROUNDS}-{@link #MAX_ROUNDS} attempts (4-12 words).
     */
    static Plan plan(long seed, RandomGenerator rnd) {
        String method = List.of("LOGIN", "CLEAR", "PLAIN").get((int) Math.floorMod(seed, 3L));
        boolean slow = rnd.nextInt(5) == 0;
        int tasks = slow ? 1 : List.of(1, 2, 3, 4, 6, 8).get(rnd.nextInt(6));
        List<String> names = new ArrayList<>(List.of(VICTIM.user()));
        if (!slow && rnd.nextInt(3) == 0) {
            names.addFirst(COMMON_NAMES.get(rnd.nextInt(COMMON_NAMES.size())));
        }
        int rounds = MIN_ROUNDS + rnd.nextInt(MAX_ROUNDS - MIN_ROUNDS + 1);
        int wordCount = slow ? 4 + rnd.nextInt(2) : Math.clamp(tasks * rounds / names.size(), 4, 12);
        tasks = Math.max(tasks, Math.ceilDiv(names.size() * wordCount, MAX_ROUNDS));
        int attemptWait = slow ? 2 + rnd.nextInt(3) : 0;
        int connectWait = !slow && rnd.nextBoolean() ? 1 + rnd.nextInt(3) : 0;
        boolean found = rnd.nextInt(10) < 7;
        List<String> words = new ArrayList<>(GuessLists.COMMON.subList(0, wordCount - (found ? 1 : 0)));
        if (found) {
            // In the second half: most of the guessing fails first, as when a list finds a password at all.
            int from = (wordCount + 1) / 2;
            words.add(from + rnd.nextInt(wordCount - from), VICTIM.password());
        }
        return new Plan(tasks, connectWait, attemptWait, List.copyOf(names), List.copyOf(words), found, method);
    }

    /** hydra's command line for {@code plan} against {@code server}. */
    static List<String> command(String hydra, Plan plan, Protocol protocol, String server, String names, String passwords) {
        List<String> c = new ArrayList<>(List.of(hydra, "-L", names, "-P", passwords, "-t", Integer.toString(plan.tasks())));
        if (plan.attemptWait() > 0) {
            c.addAll(List.of("-c", Integer.toString(plan.attemptWait())));
        }
        if (plan.connectWait() > 0) {
            c.addAll(List.of("-W", Integer.toString(plan.connectWait())));
        }
        c.addAll(List.of("-V", "-I", "-f", protocol.module + "://" + server + "/" + plan.method()));
        return c;
    }

    @Override
    public void run(LabRun lab) throws Exception {
        // The attacker first: its plan depends on the seed only, not on what the mailboxes drew.
        Plan plan = plan(lab.seed(), lab.random());
        MailServer mail = MailServer.start(lab, OWNERS, MAIL);
        String attacker = lab.net().client();
        lab.label(FlowPattern.of(Proto.TCP, attacker, lab.net().server()).toPort(protocol.port), TruthCategory.R2L, "guess_passwd");
        lab.label(FlowPattern.of(Proto.TCP, Topology.CLIENT_NET, lab.net().server()).toPort(protocol.port), TruthCategory.NORMAL, "normal");
        lab.writeFile("names.txt", String.join("\n", plan.names()) + "\n");
        lab.writeFile("passwords.txt", String.join("\n", plan.words()) + "\n");
        lab.log("plan: " + plan);

        List<String> owners = new ArrayList<>();
        check(lab, 0, owners);
        lab.pause(Duration.ofMillis(500), Duration.ofMillis(2000));
        List<String> hydra = command(lab.path(Tools.HYDRA), plan, protocol, lab.net().server(),
                lab.workDir().resolve("names.txt").toString(), lab.workDir().resolve("passwords.txt").toString());
        Daemon h = lab.startClient("hydra", hydra);
        lab.pause(Duration.ofSeconds(3), Duration.ofSeconds(8));
        check(lab, 1, owners);
        if (!h.await(150)) {
            throw new LabException("hydra still running after 150 s: " + CommandResult.tail(h.output()));
        }
        long hydraEnded = lab.nowNanos();
        String out = h.output();
        lab.log("hydra's output:\n" + out.strip());
        long attempts = out.lines().filter(l -> l.startsWith("[ATTEMPT]") || l.startsWith("[RE-ATTEMPT]")).count();
        long found = out.lines().filter(l -> l.contains("login: " + VICTIM.user()) && l.contains("password: " + VICTIM.password()))
                .count();
        if (attempts == 0) {
            throw new LabException("hydra reported no attempts: " + CommandResult.tail(out));
        }
        lab.pause(Duration.ofMillis(500), Duration.ofMillis(2000));
        check(lab, 2, owners);
        // dovecot logs a connection when it ends; one whose client left while its last login waited
        // out the penalty ends only when that answer is due.
        long left = LAST_ANSWER.toNanos() - (lab.nowNanos() - hydraEnded);
        if (left > 0) {
            lab.pause(Duration.ofNanos(left), Duration.ofNanos(left));
        }
        lab.report("tasks", plan.tasks());
        lab.report("connect_wait_s", plan.connectWait());
        lab.report("attempt_wait_s", plan.attemptWait());
        lab.report("names", plan.names().size());
        lab.report("words", plan.words().size());
        lab.report("password_in_list", plan.passwordFound() ? 1 : 0);
        lab.report("attempts", attempts);
        lab.report("passwords_found", found);
        lab.report("server_connections", mail.connections(protocol.module, attacker));
        lab.report("server_failed_logins", mail.failedLogins(attacker));
        lab.report("normal_connections", owners.stream().distinct().mapToLong(a -> mail.connections(protocol.module, a)).sum());
    }

    /** Owner {@code i} (of {@link #OWNERS}) checks the mail from an alias of its own with the protocol's client. */
    private void check(LabRun lab, int i, List<String> sources) {
        Account a = OWNERS.get(i);
        String source = lab.net().clientAlias(NORMAL_ALIAS + i);
        sources.add(source);
        List<String> c = protocol == Protocol.POP3 ? NormalPop3.checkCommand(lab, source, a)
                : NormalMail.imapCommand(lab, source, a.user(), a.password());
        lab.client("check" + i, Duration.ofSeconds(60), c).requireOk();
    }
}
