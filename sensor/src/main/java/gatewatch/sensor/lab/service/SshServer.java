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

/**
 * OpenSSH's sshd in the server namespace on port 22 of the server's address, with one user of
 * this run whose password the scenario chooses and a home in the work directory that the user
 * owns. The user exists only inside the server namespace: its /etc/passwd, /etc/shadow and
 * /etc/group are files of this run that {@code ip netns exec} mounts over the host's (root,
 * nobody and sshd are copied from the host). sftp is internal-sftp.
 */
public final class SshServer {
    /** Tools a scenario that uses this server must declare. */
    public static final List<Tool> TOOLS = List.of(Tools.SSHD, Tools.SSH_KEYGEN, Tools.OPENSSL);
    /** sshd's own default MaxAuthTries. */
    public static final int DEFAULT_MAX_AUTH_TRIES = 6;

    /**
     * What differs between the scenarios that use sshd.
     *
     * @param user         the login name (the uid is fixed per name so files of a run stay readable)
     * @param uid          its uid and gid
     * @param clientKey    also make a client key pair whose public half the user authorizes
     * @param maxAuthTries sshd's MaxAuthTries: password attempts per connection before it disconnects
     * @param writableHome let the user's sessions reach its home through the root-owned (700) work
     *                     directory, so scp, sftp and the shell can write there
     */
    public record Options(String user, int uid, boolean clientKey, int maxAuthTries, boolean writableHome) {
        /** Normal sessions: shell, commands, scp and sftp by password and by key. */
        public static Options sessions() {
            return new Options("labnorm", 64124, true, DEFAULT_MAX_AUTH_TRIES, true);
        }

        /** A target for password guessing: password login only, no session needs the home. */
        public static Options passwordGuessing(int maxAuthTries) {
            return new Options("labuser", 64123, false, maxAuthTries, false);
        }
    }

    private final Daemon sshd;
    private final Options options;
    private final Path clientKey;
    private final Path home;

    private SshServer(Daemon sshd, Options options, Path clientKey, Path home) {
        this.sshd = sshd;
        this.options = options;
        this.clientKey = clientKey;
        this.home = home;
    }

    /** Makes the host key, the user (and its client key pair if asked), starts sshd and waits until it listens. */
    public static SshServer start(LabRun lab, String password, Options options) {
        Path dir = lab.workDir();
        String user = options.user();
        lab.writeFile("ssh/.keep", "");
        keygen(lab, dir.resolve("ssh/host_ed25519_key"));
        Path clientKey = null;
        String hash = lab.host("openssl-passwd", Duration.ofSeconds(20), List.of(lab.path(Tools.OPENSSL), "passwd", "-6",
                "-salt", "gw" + user + lab.seed(), password)).requireOk().output().strip();
        Path home = lab.writeFile("home/" + user + "/.profile", "PS1='lab$ '\nexport PS1\n").getParent();
        try {
            if (options.clientKey()) {
                clientKey = dir.resolve("ssh/client_ed25519_key");
                keygen(lab, clientKey);
                lab.writeFile("home/" + user + "/.ssh/authorized_keys", Files.readString(Path.of(clientKey + ".pub")));
            }
            if (options.writableHome()) {
                // Traversal only: nothing in the work directory becomes listable.
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
                Files.setPosixFilePermissions(dir.resolve("home"), PosixFilePermissions.fromString("rwx--x--x"));
            }
            try (var files = Files.walk(home)) {
                for (Path p : files.toList()) {
                    Files.setAttribute(p, "unix:uid", options.uid());
                    Files.setAttribute(p, "unix:gid", options.uid());
                }
            }
        } catch (IOException | UnsupportedOperationException e) {
            throw new LabException("cannot prepare the home of " + user + " in " + home + ": " + e.getMessage(), e);
        }
        String id = Integer.toString(options.uid());
        lab.serverEtcFile("passwd", LabUser.hostLines("/etc/passwd", List.of("root", "nobody", "sshd"))
                + user + ":x:" + id + ":" + id + ":lab user:" + home + ":/bin/sh\n");
        lab.serverEtcFile("shadow", "root:*:19000:0:99999:7:::\n" + user + ":" + hash + ":19000:0:99999:7:::\n");
        lab.serverEtcFile("group", LabUser.hostLines("/etc/group", List.of("root", "nogroup")) + user + ":x:" + id + ":\n");
        try {
            // sshd's compiled-in privilege separation directory; Debian's service creates it at boot.
            Files.createDirectories(Path.of("/run/sshd"));
        } catch (IOException e) {
            throw new LabException("cannot create /run/sshd: " + e.getMessage(), e);
        }
        Path conf = lab.writeFile("sshd_config", lab.template("sshd_config", Map.of("DIR", dir.toString(),
                "ADDRESS", lab.net().server(), "USER", user, "MAX_AUTH_TRIES", Integer.toString(options.maxAuthTries()))));
        Daemon d = lab.startServer("sshd", List.of(lab.path(Tools.SSHD), "-D", "-e", "-f", conf.toString()));
        lab.awaitTcpListener(22, Duration.ofSeconds(10));
        return new SshServer(d, options, clientKey, home);
    }

    private static void keygen(LabRun lab, Path key) {
        lab.host("ssh-keygen", Duration.ofSeconds(20), List.of(lab.path(Tools.SSH_KEYGEN), "-q", "-t", "ed25519", "-N", "",
                "-C", "gatewatch-lab", "-f", key.toString())).requireOk();
    }

    /** The login name. */
    public String user() {
        return options.user();
    }

    /** The private key whose public half the user authorizes; only with {@link Options#clientKey()}. */
    public Path clientKey() {
        if (clientKey == null) {
            throw new IllegalStateException("this sshd was started without a client key");
        }
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
