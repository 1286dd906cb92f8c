package gatewatch.sensor.lab.scenario.normal;

import gatewatch.features.truth.FlowPattern;
import gatewatch.features.truth.PortRange;
import gatewatch.features.truth.Proto;
import gatewatch.features.truth.TruthCategory;
import gatewatch.sensor.lab.net.Topology;
import gatewatch.sensor.lab.scenario.LabRun;
import gatewatch.sensor.lab.scenario.Scenario;
import gatewatch.sensor.lab.scenario.Tool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Anonymous FTP downloads from vsftpd with lftp: directory listings and file downloads of 20 KB
 * to 2 MB, in passive mode (data connections from the client to ports 40000-40099) and active mode
 * (vsftpd connects from port 20 back to the client). All normal: the control connections, both
 * kinds of data connection.
 */
public final class NormalFtp implements Scenario {
    static final Tool VSFTPD = Tool.of("vsftpd", "vsftpd", "-v");
    static final Tool LFTP = Tool.of("lftp", "lftp", "--version");
    static final int FTP_UID = 64125;
    static final int[] FILE_SIZES = {20_000, 150_000, 600_000, 2_000_000};

    @Override
    public String name() {
        return "normal-ftp";
    }

    @Override
    public String summary() {
        return "normal: lftp against vsftpd (anonymous), listings and downloads, passive and active data connections";
    }

    @Override
    public List<Tool> tools() {
        return List.of(VSFTPD, LFTP);
    }

    @Override
    public void run(LabRun lab) throws Exception {
        lab.writeFile("ftp/root/pub/README", "lab FTP mirror\n");
        for (int i = 0; i < FILE_SIZES.length; i++) {
            byte[] data = new byte[FILE_SIZES[i]];
            lab.random().nextBytes(data);
            lab.writeFile("ftp/root/pub/release-" + i + ".tar.gz", data);
        }
        lab.writeFile("ftp/root/pub/docs/changes.txt", "1.0 first\n1.1 second\n");
        Path empty = lab.writeFile("ftp/empty/.keep", "").getParent();
        Files.delete(empty.resolve(".keep"));
        // vsftpd serves anonymous users as nobody: it must reach the tree, which lives in the root-only work directory.
        for (Path p : List.of(lab.workDir(), lab.workDir().resolve("ftp"))) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx--x--x"));
        }
        // vsftpd enters the anonymous user's home before anon_root: the namespace's own passwd gives it one.
        lab.serverEtcFile("passwd", "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n"
                + "ftp:x:" + FTP_UID + ":65534:anonymous FTP:" + lab.workDir().resolve("ftp/root") + ":/usr/sbin/nologin\n");
        LabScripts.localNames(lab);
        String conf = lab.writeFile("vsftpd.conf", lab.template("vsftpd-anon.conf", Map.of("DIR", lab.workDir().toString(),
                "ADDRESS", lab.net().server()))).toString();
        lab.startServer("vsftpd", List.of(lab.path(VSFTPD), conf));
        lab.awaitTcpListener(21, Duration.ofSeconds(10));
        String server = lab.net().server();
        lab.label(FlowPattern.of(Proto.TCP, Topology.CLIENT_NET, server).toPort(21), TruthCategory.NORMAL, "normal");
        lab.label(FlowPattern.of(Proto.TCP, Topology.CLIENT_NET, server).toPorts(PortRange.parse("40000-40099")), TruthCategory.NORMAL, "normal");
        lab.label(FlowPattern.of(Proto.TCP, server, Topology.CLIENT_NET).fromPorts(PortRange.of(20)), TruthCategory.NORMAL, "normal");
        int sessions = 0;
        for (int s = 0; s < 5; s++) {
            boolean passive = s % 2 == 0;
            String source = s == 0 ? lab.net().client() : lab.net().clientAlias(s);
            StringBuilder script = new StringBuilder("set ftp:passive-mode " + (passive ? "on" : "off")
                    + "; set net:socket-bind-ipv4 " + source + "; set net:max-retries 1; set xfer:clobber on; cd pub; ls");
            int files = 1 + lab.random().nextInt(2);
            for (int f = 0; f < files; f++) {
                script.append("; get release-").append(lab.random().nextInt(FILE_SIZES.length)).append(".tar.gz -o ")
                        .append(lab.workDir().resolve("download-" + s + "-" + f));
            }
            if (lab.random().nextBoolean()) {
                script.append("; cls -l docs; cat docs/changes.txt");
            }
            script.append("; bye");
            List<String> c = new ArrayList<>(List.of(lab.path(LFTP), "-u", "anonymous,", "-e", script.toString(), "ftp://" + server));
            lab.client("lftp" + s, Duration.ofSeconds(60), c).requireOk();
            sessions++;
            lab.pause(Duration.ofMillis(800), Duration.ofMillis(4000));
        }
        lab.report("sessions", sessions);
    }
}
