package gatewatch.sensor.lab.service;

import gatewatch.sensor.lab.LabException;
import gatewatch.sensor.lab.scenario.Daemon;
import gatewatch.sensor.lab.scenario.LabRun;
import gatewatch.sensor.lab.scenario.Tool;
import gatewatch.sensor.lab.scenario.Tools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * dovecot in the server namespace: IMAP on 143 and, when asked, POP3 on 110 of the server's
 * address, the accounts of a passwd-file of this run, one Maildir each under the work directory
 * (owned by {@link #UID}), plaintext logins allowed. With {@code tls} it offers STARTTLS/STLS with
 * a self-signed certificate made for the run (not required: clients choose). dovecot's own
 * defaults stay: 2 s before a failed login is answered, and the per-address penalty that grows
 * with failures (up to 15 s) as on a real server, which is what slows a guesser down here.
 *
 * <p>{@link #log()} has one {@code Login:} or {@code Disconnected} line per connection of the
 * login processes and, with {@code auth_verbose}, one line per failed password; the scenarios
 * count both per client address ({@link #connections}, {@link #failedLogins}).
 */
public final class MailServer {
    public static final Tool DOVECOT = Tool.of("dovecot", "dovecot-imapd", "--version");
    /** The POP3 login process, which dovecot-core alone does not have. */
    public static final Tool POP3_LOGIN = Tool.of("/usr/lib/dovecot/pop3-login", "dovecot-pop3d");
    /** The owner of every Maildir: dovecot's mail processes run as this uid, which has no name on the host. */
    public static final int UID = 64124;
    public static final int IMAP_PORT = 143;
    public static final int POP3_PORT = 110;

    /** One mailbox: its name and its password. */
    public record Account(String user, String password) {
    }

    /** Which protocols, whether STARTTLS is offered, and how many messages each mailbox starts with (0 = empty). */
    public record Options(boolean pop3, boolean tls, int messagesPerUser) {
    }

    private final Daemon dovecot;
    private final Path log;

    private MailServer(Daemon dovecot, Path log) {
        this.dovecot = dovecot;
        this.log = log;
    }

    /** The tools a scenario must declare for {@code options}. */
    public static List<Tool> tools(Options options) {
        List<Tool> t = new ArrayList<>(List.of(DOVECOT));
        if (options.pop3()) {
            t.add(POP3_LOGIN);
        }
        if (options.tls()) {
            t.add(Tools.OPENSSL);
        }
        return t;
    }

    /** Writes the accounts, mailboxes and configuration, starts dovecot and waits until it listens. */
    public static MailServer start(LabRun lab, List<Account> accounts, Options options) {
        Path dir = lab.workDir();
        StringBuilder users = new StringBuilder();
        for (Account a : accounts) {
            users.append(a.user()).append(":{PLAIN}").append(a.password()).append('\n');
        }
        lab.writeFile("dovecot/users", users.toString());
        lab.writeFile("mail/.keep", "");
        lab.writeFile("dovecot/run/.keep", "");
        lab.writeFile("dovecot/state/.keep", "");
        if (options.messagesPerUser() > 0) {
            for (Account a : accounts) {
                fillMaildir(lab, a.user(), options.messagesPerUser());
            }
        }
        // dovecot's auth and login processes run as its own users and must reach their files in the work directory.
        for (Path p : List.of(dir, dir.resolve("dovecot"), dir.resolve("dovecot/run"), dir.resolve("dovecot/state"))) {
            setMode(p, "rwx--x--x");
        }
        setMode(dir.resolve("dovecot/users"), "rw-r--r--");
        String ssl = "ssl = no";
        if (options.tls()) {
            lab.writeFile("dovecot/tls/.keep", "");
            lab.host("openssl-req", Duration.ofSeconds(30), List.of(lab.path(Tools.OPENSSL), "req", "-x509",
                    "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2",
                    "-subj", "/CN=mail.lab.test", "-keyout", dir.resolve("dovecot/tls/key.pem").toString(),
                    "-out", dir.resolve("dovecot/tls/cert.pem").toString())).requireOk();
            ssl = "ssl = yes\nssl_cert = <" + dir.resolve("dovecot/tls/cert.pem") + "\nssl_key = <" + dir.resolve("dovecot/tls/key.pem");
        }
        String conf = lab.writeFile("dovecot.conf", lab.template("dovecot.conf", Map.of("DIR", dir.toString(),
                "ADDRESS", lab.net().server(), "UID", Integer.toString(UID), "INSTANCE", "gwlab-" + dir.getFileName(),
                "PROTOCOLS", options.pop3() ? "imap pop3" : "imap", "SSL", ssl))).toString();
        Daemon d = lab.startServer("dovecot", List.of(lab.path(DOVECOT), "-F", "-c", conf));
        lab.awaitTcpListener(IMAP_PORT, Duration.ofSeconds(15));
        if (options.pop3()) {
            lab.awaitTcpListener(POP3_PORT, Duration.ofSeconds(15));
        }
        return new MailServer(d, dir.resolve("dovecot.log"));
    }

    /** dovecot's log file. */
    public Path log() {
        return log;
    }

    public Daemon process() {
        return dovecot;
    }

    /** Connections from {@code address} that the login process of {@code protocol} ({@code pop3}, {@code imap}) ended: logged in or disconnected. */
    public long connections(String protocol, String address) {
        return connections(read(), protocol, address);
    }

    /** Passwords dovecot refused from {@code address} (mismatch or unknown user). */
    public long failedLogins(String address) {
        return failedLogins(read(), address);
    }

    static long connections(String log, String protocol, String address) {
        Pattern p = Pattern.compile("^\\S+ \\S+ \\S+ " + protocol + "-login: Info: (?:Login|Disconnected|Aborted login)\\b.*\\brip="
                + Pattern.quote(address) + ",", Pattern.MULTILINE);
        return p.matcher(log).results().count();
    }

    static long failedLogins(String log, String address) {
        Matcher m = Pattern.compile("^.* auth: Info: [\\w-]+\\([^,]*," + Pattern.quote(address)
                + ",[^)]*\\): (?:Password mismatch|unknown user)", Pattern.MULTILINE).matcher(log);
        return m.results().count();
    }

    private String read() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new LabException("cannot read " + log + ": " + e.getMessage(), e);
        }
    }

    /** {@code count} seeded messages (text, some with an attachment) in {@code user}'s Maildir, owned by {@link #UID}. */
    private static void fillMaildir(LabRun lab, String user, int count) {
        Path box = lab.workDir().resolve("mail/" + user);
        lab.writeFile("mail/" + user + "/cur/.keep", "");
        lab.writeFile("mail/" + user + "/tmp/.keep", "");
        lab.writeFile("mail/" + user + "/new/.keep", "");
        RandomGenerator rnd = lab.random();
        for (int i = 0; i < count; i++) {
            lab.writeFile("mail/" + user + "/new/" + (1765000000 + i) + ".M" + i + "P1.lab", message(rnd, user, i));
        }
        try (var files = Files.walk(box)) {
            for (Path p : files.toList()) {
                if (p.getFileName().toString().equals(".keep")) {
                    Files.delete(p);
                    continue;
                }
                Files.setAttribute(p, "unix:uid", UID);
                Files.setAttribute(p, "unix:gid", UID);
            }
        } catch (IOException | UnsupportedOperationException e) {
            throw new LabException("cannot give " + box + " to uid " + UID + ": " + e.getMessage(), e);
        }
    }

    static String message(RandomGenerator rnd, String user, int i) {
        StringBuilder body = new StringBuilder();
        int lines = 3 + rnd.nextInt(40);
        for (int l = 0; l < lines; l++) {
            body.append("line ").append(l).append(" of message ").append(i).append(": the lab's mail, ")
                    .append(Long.toHexString(rnd.nextLong())).append("\r\n");
        }
        String head = "Return-Path: <sender" + i + "@example.org>\r\nFrom: Sender " + i + " <sender" + i + "@example.org>\r\nTo: "
                + user + "@lab.test\r\nSubject: lab message " + i + "\r\nDate: Mon, 7 Dec 2026 0" + (i % 10) + ":1" + (i % 6)
                + ":00 +0000\r\nMessage-ID: <" + i + "." + user + "@example.org>\r\nMIME-Version: 1.0\r\n";
        if (rnd.nextInt(4) != 0) {
            return head + "Content-Type: text/plain; charset=utf-8\r\n\r\n" + body;
        }
        byte[] attachment = new byte[2_000 + rnd.nextInt(40_000)];
        rnd.nextBytes(attachment);
        String b64 = Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(attachment);
        return head + "Content-Type: multipart/mixed; boundary=\"b" + i + "\"\r\n\r\n--b" + i
                + "\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + body + "\r\n--b" + i
                + "\r\nContent-Type: application/pdf; name=\"report" + i + ".pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + b64 + "\r\n--b" + i + "--\r\n";
    }

    private static void setMode(Path p, String mode) {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode));
        } catch (IOException e) {
            throw new LabException("cannot set mode of " + p + ": " + e.getMessage(), e);
        }
    }
}
