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
import gatewatch.sensor.lab.service.FtpServer;
import gatewatch.sensor.lab.service.LabUser;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * medusa guessing the FTP password of the server's user (vsftpd) from a fixed list, the right
 * one at a seeded place after the 8th; {@code -f} stops at the first find. Before and after, the
 * real user logs in from another address with curl, lists the home directory and downloads a
 * file (passive mode): normal. The guessing is labelled r2l/guess_passwd: cleartext FTP logins
 * with failed {@code 530} replies are exactly KDD's guess_passwd (num_failed_logins counts them).
 */
public final class BruteforceFtpMedusa implements Scenario {
    public static final Tool MEDUSA = Tool.of("medusa", "medusa", "-V");
    static final String PASSWORD = "m4ple-leaf";
    /** Logins medusa tests at once (its -t). */
    static final int TASKS = 2;
    /** vsftpd's max_login_fails: a connection carries at most this many failed logins. */
    static final int MAX_LOGIN_FAILS = 3;

    @Override
    public String name() {
        return "bruteforce-ftp-medusa";
    }

    @Override
    public String summary() {
        return "r2l/guess_passwd: medusa -t " + TASKS + " guessing an FTP password (" + (GuessLists.COMMON.size() + 1)
                + " words) against vsftpd; a real user's curl sessions (normal)";
    }

    @Override
    public List<Tool> tools() {
        List<Tool> t = new ArrayList<>(FtpServer.TOOLS);
        t.addAll(List.of(MEDUSA, Tools.CURL));
        return t;
    }

    @Override
    public void run(LabRun lab) throws Exception {
        FtpServer ftp = FtpServer.start(lab, PASSWORD, MAX_LOGIN_FAILS);
        String attacker = lab.net().client();
        lab.label(FlowPattern.of(Proto.TCP, attacker, lab.net().server()).toPort(21), TruthCategory.R2L, "guess_passwd");
        // The real user's control and passive data connections.
        lab.label(FlowPattern.of(Proto.TCP, Topology.CLIENT_NET, lab.net().server()), TruthCategory.NORMAL, "normal");
        List<String> words = GuessLists.withPassword(lab.random(), PASSWORD, 8);
        lab.writeFile("passwords.txt", String.join("\n", words) + "\n");

        userSession(lab, 0);
        lab.pause(Duration.ofMillis(500), Duration.ofMillis(1500));
        CommandResult r = lab.client("medusa", Duration.ofSeconds(90), command(lab, lab.workDir().resolve("passwords.txt").toString()))
                .requireOk();
        long attempts = r.output().lines().filter(l -> l.startsWith("ACCOUNT CHECK:")).count();
        long found = r.output().lines().filter(l -> l.startsWith("ACCOUNT FOUND:") && l.contains(PASSWORD)).count();
        if (attempts == 0) {
            throw new LabException("medusa reported no attempts: " + CommandResult.tail(r.output()));
        }
        lab.pause(Duration.ofMillis(500), Duration.ofMillis(1500));
        userSession(lab, 1);
        long serverConnections = Files.readAllLines(ftp.log()).stream()
                .filter(l -> l.contains("CONNECT: Client \"" + attacker + "\"")).count();
        lab.report("attempts", attempts);
        lab.report("passwords_found", found);
        lab.report("password_position", words.indexOf(PASSWORD) + 1);
        lab.report("server_connections", serverConnections);
    }

    static List<String> command(LabRun lab, String passwordFile) {
        return List.of(lab.path(MEDUSA), "-h", lab.net().server(), "-u", LabUser.NAME, "-P", passwordFile,
                "-M", "ftp", "-t", Integer.toString(TASKS), "-f", "-v", "5");
    }

    /** The real user: a listing and a download in one control connection, each with its passive data connection. */
    private static void userSession(LabRun lab, int i) {
        String base = "ftp://" + LabUser.NAME + ":" + PASSWORD + "@" + lab.net().server() + "/";
        lab.client("user-ftp" + i, Duration.ofSeconds(20), List.of(lab.path(Tools.CURL), "-sS", "--interface",
                lab.net().clientAlias(3 + i), "--ftp-pasv", "-o", "/dev/null", base, "-o", "/dev/null", base + "report.txt"))
                .requireOk();
    }
}
