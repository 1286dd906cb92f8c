package gatewatch.sensor.lab.scenario.normal;

import gatewatch.features.truth.FlowPattern;
import gatewatch.features.truth.Proto;
import gatewatch.features.truth.TruthCategory;
import gatewatch.sensor.lab.CommandResult;
import gatewatch.sensor.lab.net.Topology;
import gatewatch.sensor.lab.scenario.LabRun;
import gatewatch.sensor.lab.scenario.Scenario;
import gatewatch.sensor.lab.scenario.Tool;
import gatewatch.sensor.lab.scenario.Tools;
import gatewatch.sensor.lab.service.MailServer;
import gatewatch.sensor.lab.service.MailServer.Account;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Mail clients reading over POP3 from dovecot (Python poplib) at a human pace: a few users, each
 * from its own address (one also from a phone's), USER/PASS, STAT, UIDL or LIST, RETR of a few
 * messages, sometimes DELE, QUIT; about a third of the sessions over STLS. Once or twice a run a
 * user mistypes the password: -ERR, a pause to retype, then the right one, on the same connection
 * or a new one. All normal: the failed login of a real user is part of normal traffic.
 */
public final class NormalPop3 implements Scenario {
    static final MailServer.Options MAIL = new MailServer.Options(true, true, 12);
    static final List<Account> ACCOUNTS = List.of(new Account("anna", "Tulip-77"), new Account("bernd", "kr0kus-Blau"),
            new Account("chen", "Lantern.5"), new Account("dora", "seaside-Walk3"));
    /** Sessions of one run. */
    static final int SESSIONS = 8;
    /** The first client alias the users' machines use; {@code + ACCOUNTS.size()} are the phones'. */
    static final int FIRST_ALIAS = 20;

    /** How a mistyped password is corrected: not at all, on the same connection, or on a new one. */
    public enum Typo { NONE, SAME, NEW }

    /** One mail check: whose, from which alias, over STLS or not, and with a mistyped password first or not. */
    public record Session(int account, int alias, boolean tls, Typo typo) {
        /** Connections it opens. */
        public int connections() {
            return typo == Typo.NEW ? 2 : 1;
        }
    }

    @Override
    public String name() {
        return "normal-pop3";
    }

    @Override
    public String summary() {
        return "normal: " + SESSIONS + " POP3 mail checks (poplib) of " + ACCOUNTS.size()
                + " users on dovecot, some over STLS, one or two mistyped passwords";
    }

    /** Three: which sessions mistype, how they correct it and which use STLS differ by seed, and a run takes under a minute. */
    @Override
    public int corpusSeeds() {
        return 3;
    }

    @Override
    public List<Tool> tools() {
        List<Tool> t = new ArrayList<>(MailServer.tools(MAIL));
        t.add(Tools.PYTHON);
        return t;
    }

    /** The run's sessions: every user at least once, one or two of them with a typo first, about a third over STLS. */
    static List<Session> plan(RandomGenerator rnd) {
        List<Session> s = new ArrayList<>();
        int typos = 1 + rnd.nextInt(2);
        List<Integer> typoAt = new ArrayList<>();
        while (typoAt.size() < typos) {
            int i = rnd.nextInt(SESSIONS);
            if (!typoAt.contains(i)) {
                typoAt.add(i);
            }
        }
        for (int i = 0; i < SESSIONS; i++) {
            int account = i < ACCOUNTS.size() ? i : rnd.nextInt(ACCOUNTS.size());
            boolean phone = i >= ACCOUNTS.size() && rnd.nextInt(3) == 0;
            int alias = FIRST_ALIAS + account + (phone ? ACCOUNTS.size() : 0);
            Typo typo = typoAt.contains(i) ? (rnd.nextBoolean() ? Typo.SAME : Typo.NEW) : Typo.NONE;
            s.add(new Session(account, alias, rnd.nextInt(3) == 0, typo));
        }
        return s;
    }

    @Override
    public void run(LabRun lab) throws Exception {
        LabScripts.localNames(lab);
        MailServer mail = MailServer.start(lab, ACCOUNTS, MAIL);
        lab.label(FlowPattern.of(Proto.TCP, Topology.CLIENT_NET, lab.net().server()).toPort(MailServer.POP3_PORT),
                TruthCategory.NORMAL, "normal");
        List<Session> plan = plan(lab.random());
        long connections = 0;
        long typos = 0;
        long tls = 0;
        long retrieved = 0;
        for (int i = 0; i < plan.size(); i++) {
            Session s = plan.get(i);
            CommandResult r = lab.client("pop3-" + i, Duration.ofSeconds(60), command(lab, s, ACCOUNTS.get(s.account())))
                    .requireOk();
            connections += s.connections();
            typos += LabScripts.count(r.output(), "failed_logins");
            tls += s.tls() ? 1 : 0;
            retrieved += LabScripts.count(r.output(), "retrieved");
            lab.pause(Duration.ofMillis(500), Duration.ofMillis(2500));
        }
        lab.report("sessions", plan.size());
        lab.report("connections", connections);
        lab.report("stls_sessions", tls);
        lab.report("mistyped_passwords", typos);
        lab.report("messages_retrieved", retrieved);
        List<String> sources = plan.stream().map(s -> lab.net().clientAlias(s.alias())).distinct().toList();
        lab.report("server_connections", sources.stream().mapToLong(a -> mail.connections("pop3", a)).sum());
        lab.report("server_failed_logins", sources.stream().mapToLong(mail::failedLogins).sum());
    }

    /** The client's command for {@code s}: pop3_session.py from the session's alias, seeded by the run. */
    static List<String> command(LabRun lab, Session s, Account account) {
        return LabScripts.python(lab, "pop3_session.py", lab.net().clientAlias(s.alias()), lab.net().server(), account.user(),
                account.password(), Long.toString(lab.random().nextLong()), s.tls() ? "1" : "0", s.typo().name().toLowerCase());
    }

    /** A POP3 mail check by {@code account} from {@code source}, for other scenarios' real users (no typo, no STLS). */
    public static List<String> checkCommand(LabRun lab, String source, Account account) {
        return LabScripts.python(lab, "pop3_session.py", source, lab.net().server(), account.user(), account.password(),
                Long.toString(lab.random().nextLong()), "0", "none");
    }
}
