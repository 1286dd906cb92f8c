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
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Mail: swaks sends messages to an aiosmtpd server (some with AUTH PLAIN or LOGIN and the right
 * password, some with attachments), which delivers into a Maildir; mail clients read it over IMAP
 * from dovecot (Python imaplib), at a human pace. All normal.
 */
public final class NormalMail implements Scenario {
    static final Tool SWAKS = Tool.of("swaks", "swaks", "--version");
    static final String USER = "labnorm";
    static final String PASSWORD = "Mail-lab-9";
    /** IMAP only, no STARTTLS, the mailbox filled by the SMTP server. */
    static final MailServer.Options MAIL = new MailServer.Options(false, false, 0);
    static final int MESSAGES = 8;
    static final int IMAP_SESSIONS = 3;

    @Override
    public String name() {
        return "normal-mail";
    }

    @Override
    public String summary() {
        return "normal: swaks to aiosmtpd (incl. AUTH PLAIN/LOGIN, attachments), IMAP reads from dovecot with imaplib";
    }

    @Override
    public List<Tool> tools() {
        List<Tool> t = new ArrayList<>(List.of(SWAKS, Tools.PYTHON));
        t.addAll(MailServer.tools(MAIL));
        return t;
    }

    @Override
    public void run(LabRun lab) throws Exception {
        String server = lab.net().server();
        Path maildir = lab.workDir().resolve("mail/" + USER);
        LabScripts.localNames(lab);
        MailServer.start(lab, List.of(new MailServer.Account(USER, PASSWORD)), MAIL);
        lab.startServer("smtpd", LabScripts.python(lab, "smtp_server.py", server, USER, PASSWORD, maildir.toString(),
                Integer.toString(MailServer.UID)));
        lab.awaitTcpListener(25, Duration.ofSeconds(15));
        for (int port : new int[] {25, 143}) {
            lab.label(FlowPattern.of(Proto.TCP, Topology.CLIENT_NET, server).toPort(port), TruthCategory.NORMAL, "normal");
        }
        byte[] attachment = new byte[20_000 + lab.random().nextInt(200_000)];
        lab.random().nextBytes(attachment);
        String attachmentFile = lab.writeFile("report.pdf", attachment).toString();
        int imap = 0;
        for (int i = 0; i < MESSAGES; i++) {
            String source = i % 3 == 0 ? lab.net().client() : lab.net().clientAlias(i);
            List<String> c = new ArrayList<>(List.of(lab.path(SWAKS), "--server", server, "--local-interface", source,
                    "--helo", "pc" + i + ".example.org", "--from", "user" + i + "@example.org", "--to", USER + "@lab.test",
                    "--header", "Subject: lab message " + i, "--body", "Hello,\n\nmessage " + i + " of the lab.\n\nRegards"));
            switch (i % 4) {
                case 1 -> c.addAll(List.of("--auth", "PLAIN", "--auth-user", USER, "--auth-password", PASSWORD));
                case 2 -> c.addAll(List.of("--auth", "LOGIN", "--auth-user", USER, "--auth-password", PASSWORD));
                case 3 -> c.addAll(List.of("--attach", "@" + attachmentFile));
                default -> { }
            }
            lab.client("swaks" + i, Duration.ofSeconds(30), c).requireOk();
            lab.pause(Duration.ofMillis(500), Duration.ofMillis(3000));
            if (i % 3 == 2 && imap < IMAP_SESSIONS) {
                CommandResult r = lab.client("imap" + imap, Duration.ofSeconds(60),
                        imapCommand(lab, lab.net().clientAlias(40 + imap), USER, PASSWORD)).requireOk();
                lab.report("imap" + imap + "_messages", LabScripts.count(r.output(), "messages"));
                imap++;
                lab.pause(Duration.ofMillis(500), Duration.ofMillis(2000));
            }
        }
        lab.report("messages_sent", MESSAGES);
        lab.report("imap_sessions", imap);
    }

    /** An IMAP mail check (imap_fetch.py) by {@code user} from {@code source}, for other scenarios' real users. */
    public static List<String> imapCommand(LabRun lab, String source, String user, String password) {
        return LabScripts.python(lab, "imap_fetch.py", source, lab.net().server(), user, password, Long.toString(lab.random().nextLong()));
    }
}
