package gatewatch.sensor.lab.service;

import gatewatch.features.truth.FlowPattern;
import gatewatch.features.truth.PortRange;
import gatewatch.features.truth.Proto;
import gatewatch.sensor.lab.net.Topology;
import gatewatch.sensor.lab.scenario.Daemon;
import gatewatch.sensor.lab.scenario.LabRun;
import gatewatch.sensor.lab.scenario.Tool;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * DHCP for the client network as a site with a central DHCP server has it: dnsmasq in the server
 * namespace serves the pool {@link #POOL_FIRST} - {@link #poolLast()} of the client network, and
 * a second dnsmasq in the gateway namespace is the router's relay (giaddr = the gateway's client
 * side). A client's broadcasts (0.0.0.0:68 to 255.255.255.255:67) reach only the relay, on the
 * captured link; the relay answers from the gateway's address, port 67, to the offered address
 * or to 255.255.255.255 (broadcast flag); renewals and releases go by unicast to the server's
 * address, crossing the capture as routed traffic. Both are per-run processes with their
 * configuration, lease file and pid files in the work directory.
 */
public final class DhcpServer {
    public static final Tool DNSMASQ = OpenResolver.DNSMASQ;
    public static final int SERVER_PORT = 67;
    public static final int CLIENT_PORT = 68;
    public static final String UNSPECIFIED = "0.0.0.0";
    public static final String BROADCAST = "255.255.255.255";
    /** The pool, {@value #POOL_BLOCK} (10.77.1.128 - .191): clear of the client's own address and aliases (.2, .10 - .59). */
    public static final String POOL_BLOCK = "10.77.1.128/26";
    public static final String POOL_FIRST = "10.77.1.128";
    public static final int POOL_SIZE = 64;
    /** Lease and renewal times (s) of the lab's scale: dnsmasq's shortest lease, and T1/T2 that a minute-long run sees. */
    public static final int LEASE_SECONDS = 120;
    public static final int T1_SECONDS = 20;
    public static final int T2_SECONDS = 35;

    private final Daemon server;

    private DhcpServer(Daemon server) {
        this.server = server;
    }

    public static String poolLast() {
        return "10.77.1." + (128 + POOL_SIZE - 1);
    }

    /** Starts the server, then the relay, each waiting until it has its UDP port 67. */
    public static DhcpServer start(LabRun lab) {
        String dir = lab.workDir().toString();
        Topology net = lab.net();
        Path server = lab.writeFile("dnsmasq-dhcp.conf", lab.template("dnsmasq-dhcp.conf", Map.of("DIR", dir,
                "GIADDR", net.gatewayClientSide(), "SERVER", net.server(), "POOL_FIRST", POOL_FIRST, "POOL_LAST", poolLast(),
                "LEASE", LEASE_SECONDS + "s", "T1", Integer.toString(T1_SECONDS), "T2", Integer.toString(T2_SECONDS))));
        Daemon d = lab.startServer("dnsmasq-dhcp", List.of(lab.path(DNSMASQ), "--keep-in-foreground", "--conf-file=" + server));
        lab.awaitUdpListener(net.serverNs(), SERVER_PORT, Duration.ofSeconds(10));
        Path relay = lab.writeFile("dnsmasq-relay.conf", lab.template("dnsmasq-relay.conf", Map.of("DIR", dir,
                "GIADDR", net.gatewayClientSide(), "SERVER", net.server())));
        lab.startGateway("dnsmasq-relay", List.of(lab.path(DNSMASQ), "--keep-in-foreground", "--conf-file=" + relay));
        lab.awaitUdpListener(net.gatewayNs(), SERVER_PORT, Duration.ofSeconds(10));
        return new DhcpServer(d);
    }

    /** What the server logged so far (log-dhcp): its messages by type, and the DISCOVERs it had no address for. */
    public Map<String, Long> counts() {
        return counts(server.output());
    }

    static Map<String, Long> counts(String log) {
        Map<String, Long> c = new LinkedHashMap<>();
        for (String type : List.of("DISCOVER", "OFFER", "REQUEST", "ACK", "NAK", "RELEASE")) {
            c.put("server_" + type.toLowerCase(Locale.ROOT), log.lines().filter(l -> l.contains(" DHCP" + type + "(")).count());
        }
        c.put("server_no_address", log.lines().filter(l -> l.contains("no address available")).count());
        return c;
    }

    /**
     * Every DHCP connection a client network's clients cause, as gatewatch orients them: the
     * broadcasts from 0.0.0.0 (and a bound client's DHCPINFORM from its address), the relay's answers (to pool addresses or the broadcast address)
     * and the unicast renewals and releases from pool addresses to the server (the server's
     * answers to those belong to the same connection).
     */
    public static List<FlowPattern> flows(Topology net) {
        PortRange server = PortRange.of(SERVER_PORT);
        PortRange client = PortRange.of(CLIENT_PORT);
        return List.of(
                FlowPattern.of(Proto.UDP, UNSPECIFIED, BROADCAST).fromPorts(client).toPorts(server),
                FlowPattern.of(Proto.UDP, POOL_BLOCK, BROADCAST).fromPorts(client).toPorts(server),
                FlowPattern.of(Proto.UDP, net.gatewayClientSide(), BROADCAST).fromPorts(server).toPorts(client),
                FlowPattern.of(Proto.UDP, net.gatewayClientSide(), POOL_BLOCK).fromPorts(server).toPorts(client),
                FlowPattern.of(Proto.UDP, POOL_BLOCK, net.server()).fromPorts(client).toPorts(server));
    }
}
