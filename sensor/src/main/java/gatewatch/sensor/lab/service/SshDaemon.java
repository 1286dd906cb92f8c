package gatewatch.sensor.lab.service;

import gatewatch.sensor.lab.LabException;
import gatewatch.sensor.lab.scenario.Daemon;
import gatewatch.sensor.lab.scenario.LabRun;
import gatewatch.sensor.lab.scenario.Tool;
import gatewatch.sensor.lab.scenario.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * OpenSSH's sshd in the server namespace on port 22 of the server's address for normal sessions:
 * one user of this run ({@link #USER}) with a password and an authorized client key, a home in
 * the work directory that the user owns (so scp, sftp and the shell can write there), sftp by
 * internal-sftp. The user exists only inside the server namespace: its /etc/passwd, /etc/shadow
 * and /etc/group are files of this run that {@code ip netns exec} mounts over the host's.
 */
public final class SshDaemon {
    /** Tools a scenario that uses this server must declare. */
    public static final List<Tool> TOOLS = List.of(Tools.SSHD, Tools.SSH_KEYGEN, Tools.OPENSSL);
    public static final String USER = "labnorm";
    static final int UID = 64124;

    private final Daemon sshd;
    private final Path clientKey;
    private final Path home;

    private SshDaemon(Daemon sshd, Path clientKey, Path home) {
        this.sshd = sshd;
        this.clientKey = clientKey;
        this.home = home;
    }

    /** Makes the host key, the user and its client key pair, starts sshd and waits until it listens. */
    public static SshDaemon start(LabRun lab, String password) {
        Path dir = lab.workDir();
        lab.writeFile("ssh/.keep", "");
        keygen(lab, dir.resolve("ssh/host_ed25519_key"));
        Path clientKey = dir.resolve("ssh/client_ed25519_key");
        keygen(lab, clientKey);
        String hash = lab.host("openssl-passwd", Duration.ofSeconds(20), List.of(lab.path(Tools.OPENSSL), "passwd", "-6",
                "-salt", "gwlabnorm" + lab.seed(), password)).requireOk().output().strip();
        Path home = lab.writeFile("home/" + USER + "/.profile", "PS1='lab$ '\nexport PS1\n").getParent();
        try {
            lab.writeFile("home/" + USER + "/.ssh/authorized_keys", Files.readString(Path.of(clientKey + ".pub")));
            // The user's session must reach its home inside the root-owned work directory (700):
            // traversal only, nothing in it becomes listable.
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
            Files.setPosixFilePermissions(dir.resolve("home"), PosixFilePermissions.fromString("rwx--x--x"));
            chown(home, UID);
            chown(home.resolve(".profile"), UID);
            chown(home.resolve(".ssh"), UID);
            chown(home.resolve(".ssh/authorized_keys"), UID);
        } catch (IOException e) {
            throw new LabException("cannot prepare the home of " + USER + " in " + home + ": " + e.getMessage(), e);
        }
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
        Path conf = lab.writeFile("sshd_daemon_config", lab.template("sshd_daemon_config", Map.of("DIR", dir.toString(),
                "ADDRESS", lab.net().server(), "USER", USER)));
        Daemon d = lab.startServer("sshd", List.of(lab.path(Tools.SSHD), "-D", "-e", "-f", conf.toString()));
        lab.awaitTcpListener(22, Duration.ofSeconds(10));
        return new SshDaemon(d, clientKey, home);
    }

    private static void keygen(LabRun lab, Path key) {
        lab.host("ssh-keygen", Duration.ofSeconds(20), List.of(lab.path(Tools.SSH_KEYGEN), "-q", "-t", "ed25519", "-N", "",
                "-C", "gatewatch-lab", "-f", key.toString())).requireOk();
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

    private static void chown(Path p, int uid) throws IOException {
        Files.setAttribute(p, "unix:uid", uid);
        Files.setAttribute(p, "unix:gid", uid);
    }

    /** The private key whose public half the user authorizes. */
    public Path clientKey() {
        return clientKey;
    }

    /** The user's home on the server side (files uploaded land here). */
    public Path home() {
        return home;
    }

    public Daemon process() {
        return sshd;
    }
}
