package gatewatch.sensor.lab.service;

import gatewatch.sensor.lab.LabException;
import gatewatch.sensor.lab.scenario.Daemon;
import gatewatch.sensor.lab.scenario.LabRun;
import gatewatch.sensor.lab.scenario.Tool;
import gatewatch.sensor.lab.scenario.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * OpenSSH's sshd in the server namespace on port 22 of the server's address, with one user of
 * this run ({@link #USER}) whose password the scenario chooses. The user exists only inside the
 * server namespace: its /etc/passwd, /etc/shadow and /etc/group are files of this run that
 * {@code ip netns exec} mounts over the host's (root, nobody and sshd are copied from the host).
 */
public final class SshServer {
    /** Tools a scenario that uses this server must declare. */
    public static final List<Tool> TOOLS = List.of(Tools.SSHD, Tools.SSH_KEYGEN, Tools.OPENSSL);
    public static final String USER = "labuser";
    static final int UID = 64123;

    private final Daemon sshd;

    private SshServer(Daemon sshd) {
        this.sshd = sshd;
    }

    /**
     * Starts sshd and waits until it listens.
     *
     * @param maxAuthTries sshd's MaxAuthTries: password attempts per connection before it disconnects
     */
    public static SshServer start(LabRun lab, String password, int maxAuthTries) {
        Path dir = lab.workDir();
        lab.writeFile("ssh/.keep", "");
        lab.host("ssh-keygen", Duration.ofSeconds(20), List.of(lab.path(Tools.SSH_KEYGEN), "-q", "-t", "ed25519", "-N", "",
                "-C", "gatewatch-lab", "-f", dir.resolve("ssh/host_ed25519_key").toString())).requireOk();
        String hash = lab.host("openssl-passwd", Duration.ofSeconds(20), List.of(lab.path(Tools.OPENSSL), "passwd", "-6",
                "-salt", "gwlab" + lab.seed(), password)).requireOk().output().strip();
        Path home = lab.writeFile("home/" + USER + "/.profile", "PS1='lab$ '\n").getParent();
        chown(home, UID);
        lab.serverEtcFile("passwd", hostLines("/etc/passwd", "root", "nobody", "sshd")
                + USER + ":x:" + UID + ":" + UID + ":lab user:" + home + ":/bin/sh\n");
        lab.serverEtcFile("shadow", "root:*:19000:0:99999:7:::\n" + USER + ":" + hash + ":19000:0:99999:7:::\n");
        lab.serverEtcFile("group", hostLines("/etc/group", "root", "nogroup") + USER + ":x:" + UID + ":\n");
        try {
            // sshd's compiled-in privilege separation directory; Debian's service creates it at boot.
            Files.createDirectories(Path.of("/run/sshd"));
        } catch (IOException e) {
            throw new LabException("cannot create /run/sshd: " + e.getMessage(), e);
        }
        Path conf = lab.writeFile("sshd_config", lab.template("sshd_config", Map.of("DIR", dir.toString(),
                "ADDRESS", lab.net().server(), "USER", USER, "MAX_AUTH_TRIES", Integer.toString(maxAuthTries))));
        Daemon d = lab.startServer("sshd", List.of(lab.path(Tools.SSHD), "-D", "-e", "-f", conf.toString()));
        lab.awaitTcpListener(22, Duration.ofSeconds(10));
        return new SshServer(d);
    }

    private static String hostLines(String file, String... names) {
        try {
            List<String> wanted = List.of(names);
            return Files.readAllLines(Path.of(file)).stream()
                    .filter(l -> wanted.contains(l.split(":", 2)[0]))
                    .collect(Collectors.joining("\n", "", "\n"));
        } catch (IOException e) {
            throw new LabException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static void chown(Path p, int uid) {
        try {
            Files.setAttribute(p, "unix:uid", uid);
            Files.setAttribute(p, "unix:gid", uid);
        } catch (IOException | UnsupportedOperationException e) {
            throw new LabException("cannot give " + p + " to uid " + uid + ": " + e.getMessage(), e);
        }
    }

    public Daemon process() {
        return sshd;
    }
}
