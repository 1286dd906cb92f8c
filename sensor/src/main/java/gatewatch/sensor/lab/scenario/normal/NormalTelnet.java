package gatewatch.sensor.lab.scenario.normal;

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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Telnet logins typed at a human pace: inetutils telnetd, started per connection by a small
 * inetd-like accept loop, with a login program of this run (user and password prompts, then an
 * unprivileged shell); the telnet client runs in a pty driven key by key. A few commands, then
 * logout. All normal.
 */
public final class NormalTelnet implements Scenario {
    public static final Tool TELNETD = Tool.of("/usr/sbin/telnetd", "inetutils-telnetd", "--version");
    public static final Tool TELNET = Tool.of("telnet", "inetutils-telnet", "--version");
    public static final Tool SETPRIV = Tool.of("setpriv", "util-linux", "--version");
    static final String USER = "labnorm";
    static final String PASSWORD = "Tel-net-42";
    static final int UID = 64124;
    private static final List<String> SESSIONS = List.of(
            "id;;uname -a;;ls -la;;date",
            "pwd;;ps ax | head -5;;echo done",
            "uptime;;ls /;;cat /proc/loadavg");

    @Override
    public String name() {
        return "normal-telnet";
    }

    @Override
    public String summary() {
        return "normal: telnet logins through inetutils telnetd, typed at a human pace, a few commands, logout";
    }

    @Override
    public List<Tool> tools() {
        return List.of(TELNETD, TELNET, SETPRIV, Tools.PYTHON);
    }

    @Override
    public void run(LabRun lab) throws IOException {
        startServer(lab, USER, PASSWORD, UID);
        lab.label(FlowPattern.of(Proto.TCP, Topology.CLIENT_NET, lab.net().server()).toPort(23), TruthCategory.NORMAL, "normal");
        for (int i = 0; i < SESSIONS.size(); i++) {
            String source = i == 0 ? lab.net().client() : lab.net().clientAlias(i);
            session(lab, "telnet" + i, source, USER, PASSWORD, SESSIONS.get(i));
            lab.pause(Duration.ofMillis(1000), Duration.ofMillis(4000));
        }
        lab.report("sessions", SESSIONS.size());
    }

    /**
     * Starts telnetd on the server's port 23 with a login program of this run that lets
     * {@code user} in with {@code password} (three tries per connection, as login(1)) into a
     * shell running as {@code uid}.
     */
    public static void startServer(LabRun lab, String user, String password, int uid) throws IOException {
        Path home = lab.writeFile("telnet-home/.keep", "").getParent();
        Files.setPosixFilePermissions(lab.workDir(), PosixFilePermissions.fromString("rwx--x--x"));
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx--x--x"));
        Path login = lab.writeFile("telnet_login.sh", lab.template("telnet_login.sh", Map.of("USER", user,
                "PASSWORD", password, "HOME", home.toString(), "UID", Integer.toString(uid))));
        Files.setPosixFilePermissions(login, PosixFilePermissions.fromString("rwx------"));
        LabScripts.localNames(lab);
        lab.startServer("telnet-inetd", LabScripts.python(lab, "telnet_inetd.py", lab.net().server(), lab.path(TELNETD), login.toString()));
        lab.awaitTcpListener(23, Duration.ofSeconds(10));
    }

    /** One telnet login from {@code source} typed at a human pace: the commands ({@code ;;} between them), then logout. */
    public static void session(LabRun lab, String name, String source, String user, String password, String commands) {
        List<String> c = LabScripts.python(lab, "pty_session.py", Long.toString(lab.random().nextLong()), "lab$ ", user,
                password, commands, "--", lab.path(TELNET), "-b", source, lab.net().server());
        CommandResult r = lab.client(name, Duration.ofSeconds(60), c).requireOk();
        if (LabScripts.count(r.output(), "commands_typed") != commands.split(";;").length) {
            throw new LabException("telnet session " + name + " did not type all its commands: " + CommandResult.tail(r.output()));
        }
    }
}
