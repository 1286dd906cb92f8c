package gatewatch.sensor.lab.service;

import gatewatch.sensor.lab.LabException;
import gatewatch.sensor.lab.scenario.LabRun;
import gatewatch.sensor.lab.scenario.Tool;
import gatewatch.sensor.lab.scenario.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One login account of a run that exists only inside the server namespace: its /etc/passwd,
 * /etc/shadow and /etc/group are files of this run that {@code ip netns exec} mounts over the
 * host's (root, nobody and the daemon accounts named are copied from the host). Daemons that
 * check passwords with PAM's pam_unix or crypt(3) (vsftpd, telnetd's login) then see the user.
 */
public final class LabUser {
    /** Tools a scenario that creates a user must declare (openssl makes the SHA-512 crypt hash). */
    public static final List<Tool> TOOLS = List.of(Tools.OPENSSL);
    public static final String NAME = "labuser";
    static final int UID = 64123;

    private LabUser() {
    }

    /**
     * Writes the account files with {@link #NAME} and {@code password} and a home directory in
     * the work directory (owned by the user); returns the home directory.
     *
     * @param hostAccounts further host accounts the daemon needs (e.g. {@code ftp}, {@code sshd})
     */
    public static Path create(LabRun lab, String password, String... hostAccounts) {
        String hash = lab.host("openssl-passwd", Duration.ofSeconds(20), List.of(lab.path(Tools.OPENSSL), "passwd", "-6",
                "-salt", "gwlab" + lab.seed(), password)).requireOk().output().strip();
        Path home = lab.writeFile("home/" + NAME + "/notes.txt", "lab notes\n").getParent();
        lab.writeFile("home/" + NAME + "/report.txt", "quarterly report: nothing to see\n".repeat(40));
        chown(home, UID);
        // The work directory is 700; the user must be able to reach its home (vsftpd and login chdir there as the user).
        setMode(lab.workDir(), "rwx--x--x");
        setMode(home.getParent(), "rwxr-xr-x");
        List<String> accounts = new ArrayList<>(List.of("root", "nobody"));
        accounts.addAll(List.of(hostAccounts));
        lab.serverEtcFile("passwd", hostLines("/etc/passwd", accounts)
                + NAME + ":x:" + UID + ":" + UID + ":lab user:" + home + ":/bin/sh\n");
        lab.serverEtcFile("shadow", "root:*:19000:0:99999:7:::\n" + NAME + ":" + hash + ":19000:0:99999:7:::\n");
        lab.serverEtcFile("group", hostLines("/etc/group", List.of("root", "nogroup", "tty")) + NAME + ":x:" + UID + ":\n");
        return home;
    }

    /** The lines of a host account file (/etc/passwd, /etc/group) whose first field is one of {@code wanted}. */
    static String hostLines(String file, List<String> wanted) {
        try {
            return Files.readAllLines(Path.of(file)).stream()
                    .filter(l -> wanted.contains(l.split(":", 2)[0]))
                    .collect(Collectors.joining("\n", "", "\n"));
        } catch (IOException e) {
            throw new LabException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static void setMode(Path p, String mode) {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode));
        } catch (IOException e) {
            throw new LabException("cannot set mode of " + p + ": " + e.getMessage(), e);
        }
    }

    private static void chown(Path dir, int uid) {
        try (var files = Files.walk(dir)) {
            for (Path p : files.toList()) {
                Files.setAttribute(p, "unix:uid", uid);
                Files.setAttribute(p, "unix:gid", uid);
            }
        } catch (IOException | UnsupportedOperationException e) {
            throw new LabException("cannot give " + dir + " to uid " + uid + ": " + e.getMessage(), e);
        }
    }
}
