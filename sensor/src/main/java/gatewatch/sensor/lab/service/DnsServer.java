package gatewatch.sensor.lab.service;

import gatewatch.sensor.lab.scenario.Daemon;
import gatewatch.sensor.lab.scenario.LabRun;
import gatewatch.sensor.lab.scenario.Tool;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * dnsmasq in the server namespace on port 53 (UDP and TCP) of the server's address, answering for
 * the zone {@code lab.test} from a hosts file of this run ({@link #NAMES}, plus an MX, a TXT, an SRV
 * record and a CNAME); other names in the zone are NXDOMAIN. No upstream: nothing leaves the lab.
 */
public final class DnsServer {
    public static final Tool DNSMASQ = Tool.of("dnsmasq", "dnsmasq-base", "--version");
    public static final List<Tool> TOOLS = List.of(DNSMASQ);
    public static final String ZONE = "lab.test";
    /** Host names of the zone, each resolving to a server-side address. */
    public static final List<String> NAMES = List.of("www", "mail", "ftp", "ntp", "files", "git", "wiki", "vpn", "db", "printer");

    private final Daemon dnsmasq;

    private DnsServer(Daemon dnsmasq) {
        this.dnsmasq = dnsmasq;
    }

    public static DnsServer start(LabRun lab) {
        StringBuilder hosts = new StringBuilder();
        for (int i = 0; i < NAMES.size(); i++) {
            String address = i == 0 ? lab.net().server() : lab.net().serverAlias(i % 10);
            hosts.append(address).append(' ').append(NAMES.get(i)).append('.').append(ZONE).append(' ').append(NAMES.get(i)).append('\n');
        }
        lab.writeFile("dns/hosts", hosts.toString());
        String conf = lab.writeFile("dnsmasq.conf", lab.template("dnsmasq.conf", Map.of("DIR", lab.workDir().toString(),
                "ADDRESS", lab.net().server()))).toString();
        Daemon d = lab.startServer("dnsmasq", List.of(lab.path(DNSMASQ), "--keep-in-foreground", "--conf-file=" + conf));
        lab.awaitTcpListener(53, Duration.ofSeconds(10));
        return new DnsServer(d);
    }

    public Daemon process() {
        return dnsmasq;
    }
}
