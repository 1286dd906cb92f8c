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
import gatewatch.sensor.lab.service.SshServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A user's SSH day in a minute: interactive shell sessions typed at a human pace through a pty
 * (key login), one-off remote commands with password login (sshpass), scp uploads and downloads
 * of a few MB (SFTP-based and the legacy SCP protocol), and an sftp batch session. All normal.
 */
public final class NormalSsh implements Scenario {
    public static final Tool SSH = Tool.of("ssh", "openssh-client", "-V");
    static final Tool SCP = Tool.of("scp", "openssh-client");
    static final Tool SFTP = Tool.of("sftp", "openssh-client");
    public static final Tool SSHPASS = Tool.of("sshpass", "sshpass", "-V");
    static final String PASSWORD = "Lab-norm-7";
    static final int UPLOAD_BYTES = 1 << 20;
    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final List<String> SESSIONS = List.of(
            "ls -la;;uname -a;;echo 'meeting at 10' > notes.txt;;cat notes.txt;;df -h .;;ps ax | head -5",
            "pwd;;ls;;head -3 /etc/passwd;;date;;uptime",
            "cat .profile;;wc -c notes.txt upload.bin;;ls -l;;rm -f notes.txt");

    @Override
    public String name() {
        return "normal-ssh";
    }

    @Override
    public String summary() {
        return "normal: OpenSSH sessions typed through a pty, remote commands, scp and sftp transfers of a few MB";
    }

    @Override
    public List<Tool> tools() {
        List<Tool> t = new ArrayList<>(SshServer.TOOLS);
        t.addAll(List.of(SSH, SCP, SFTP, SSHPASS, Tools.PYTHON));
        return t;
    }

    @Override
    public void run(LabRun lab) {
        SshServer sshd = SshServer.start(lab, PASSWORD, SshServer.Options.sessions());
        lab.label(FlowPattern.of(Proto.TCP, Topology.CLIENT_NET, lab.net().server()).toPort(22), TruthCategory.NORMAL, "normal");
        byte[] upload = new byte[UPLOAD_BYTES];
        lab.random().nextBytes(upload);
        String local = lab.writeFile("upload.bin", upload).toString();
        String target = sshd.user() + "@" + lab.net().server();
        String key = sshd.clientKey().toString();

        interactive(lab, 0, lab.net().client(), key, target);
        lab.pause(Duration.ofMillis(500), Duration.ofMillis(2500));
        run(lab, "scp-upload", withPassword(lab, List.of(lab.path(SCP), "-o", "BindAddress=" + lab.net().client()),
                local, target + ":upload.bin"));
        lab.pause(Duration.ofMillis(500), Duration.ofMillis(2000));
        interactive(lab, 1, lab.net().clientAlias(3), key, target);
        lab.pause(Duration.ofMillis(500), Duration.ofMillis(2000));
        for (String cmd : List.of("uptime", "ls -l upload.bin", "md5sum upload.bin")) {
            run(lab, "ssh-command", withPassword(lab, List.of(lab.path(SSH), "-b", lab.net().clientAlias(4)), target, cmd));
            lab.pause(Duration.ofMillis(300), Duration.ofMillis(2000));
        }
        run(lab, "scp-download-legacy", withPassword(lab, List.of(lab.path(SCP), "-O", "-o", "BindAddress=" + lab.net().client()),
                target + ":upload.bin", lab.workDir().resolve("download.bin").toString()));
        lab.pause(Duration.ofMillis(500), Duration.ofMillis(2000));
        String batch = lab.writeFile("sftp.batch", "ls -l\nput " + local + " copy.bin\nget copy.bin "
                + lab.workDir().resolve("copy-back.bin") + "\nrm copy.bin\nls\n").toString();
        List<String> sftp = new ArrayList<>(List.of(lab.path(SFTP), "-b", batch, "-i", key, "-o", "BindAddress=" + lab.net().clientAlias(5)));
        sftp.addAll(sshOptions());
        sftp.add(target);
        run(lab, "sftp-batch", sftp);
        lab.pause(Duration.ofMillis(500), Duration.ofMillis(2000));
        interactive(lab, 2, lab.net().client(), key, target);
        lab.report("interactive_sessions", SESSIONS.size());
        lab.report("remote_commands", 3);
        lab.report("file_transfers", 4);
    }

    private static void interactive(LabRun lab, int i, String source, String key, String target) {
        List<String> ssh = new ArrayList<>(List.of(lab.path(SSH), "-tt", "-b", source, "-i", key));
        ssh.addAll(sshOptions());
        ssh.add(target);
        List<String> c = LabScripts.python(lab, "pty_session.py", Long.toString(lab.random().nextLong()), "lab$ ", "-", "-",
                SESSIONS.get(i), "--");
        c.addAll(ssh);
        CommandResult r = run(lab, "interactive" + i, c);
        if (LabScripts.count(r.output(), "commands_typed") != SESSIONS.get(i).split(";;").length) {
            throw new LabException("interactive ssh session " + i + " did not type all its commands: " + CommandResult.tail(r.output()));
        }
    }

    /** sshpass feeds the password to the client's prompt; the options keep the host's ~/.ssh out of it. */
    private static List<String> withPassword(LabRun lab, List<String> client, String... args) {
        List<String> c = new ArrayList<>(List.of(lab.path(SSHPASS), "-p", PASSWORD));
        c.addAll(client);
        c.addAll(sshOptions());
        c.addAll(List.of("-o", "PubkeyAuthentication=no"));
        c.addAll(List.of(args));
        return c;
    }

    public static List<String> sshOptions() {
        return List.of("-F", "/dev/null", "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
                "-o", "LogLevel=ERROR");
    }

    private static CommandResult run(LabRun lab, String name, List<String> command) {
        return lab.client(name, LIMIT, command).requireOk();
    }
}
