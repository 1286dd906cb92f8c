package gatewatch.sensor.lab.service;

import gatewatch.sensor.lab.scenario.Daemon;
import gatewatch.sensor.lab.scenario.LabRun;
import gatewatch.sensor.lab.scenario.Tool;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * vsftpd in the server namespace on port 21 of the server's address, local users only (the
 * {@link LabUser} of this run), passive data ports 40000-40099. Its protocol log, one
 * {@code CONNECT} line per control connection, is {@link #log()}.
 */
public final class FtpServer {
    public static final Tool VSFTPD = Tool.of("/usr/sbin/vsftpd", "vsftpd", "-v");
    /** Tools a scenario that uses this server must declare. */
    public static final List<Tool> TOOLS = tools();
    public static final int DATA_PORT_MIN = 40000;
    public static final int DATA_PORT_MAX = 40099;

    private final Daemon vsftpd;
    private final Path log;

    private FtpServer(Daemon vsftpd, Path log) {
        this.vsftpd = vsftpd;
        this.log = log;
    }

    private static List<Tool> tools() {
        List<Tool> t = new ArrayList<>(LabUser.TOOLS);
        t.add(VSFTPD);
        return t;
    }

    /**
     * Creates the user with {@code password}, starts vsftpd and waits until it listens.
     *
     * @param maxLoginFails failed logins on one connection before vsftpd closes it
     */
    public static FtpServer start(LabRun lab, String password, int maxLoginFails) {
        LabUser.create(lab, password, "ftp");
        Path dir = lab.workDir();
        lab.writeFile("vsftpd-empty/.keep", "");
        Path conf = lab.writeFile("vsftpd.conf", lab.template("vsftpd.conf", Map.of("DIR", dir.toString(),
                "ADDRESS", lab.net().server(), "MAX_LOGIN_FAILS", Integer.toString(maxLoginFails))));
        Daemon d = lab.startServer("vsftpd", List.of(lab.path(VSFTPD), conf.toString()));
        lab.awaitTcpListener(21, Duration.ofSeconds(10));
        return new FtpServer(d, dir.resolve("vsftpd.log"));
    }

    /** vsftpd's protocol log. */
    public Path log() {
        return log;
    }

    public Daemon process() {
        return vsftpd;
    }
}
