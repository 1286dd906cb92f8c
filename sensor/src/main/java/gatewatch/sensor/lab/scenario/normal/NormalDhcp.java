package gatewatch.sensor.lab.scenario.normal;

import gatewatch.features.truth.TruthCategory;
import gatewatch.sensor.lab.CommandResult;
import gatewatch.sensor.lab.LabException;
import gatewatch.sensor.lab.net.Topology;
import gatewatch.sensor.lab.scenario.Daemon;
import gatewatch.sensor.lab.scenario.LabRun;
import gatewatch.sensor.lab.scenario.Scenario;
import gatewatch.sensor.lab.scenario.Tool;
import gatewatch.sensor.lab.scenario.Tools;
import gatewatch.sensor.lab.service.DhcpServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Ordinary DHCP on the client network: {@value #CLIENTS} hosts, each on its own macvlan (its own
 * MAC) in the client namespace, boot at seeded moments in the first seconds and lease an address
 * from dnsmasq behind the gateway's relay ({@link DhcpServer}): DISCOVER, OFFER, REQUEST, ACK,
 * then renewals by unicast at the server's T1 ({@value DhcpServer#T1_SECONDS} s, the lab's scale
 * for an hour's lease); a Windows client's broadcast flag and DHCPINFORM, a phone that leaves and
 * comes back (INIT-REBOOT), a Linux client that releases its lease at the end. All normal.
 */
public final class NormalDhcp implements Scenario {
    static final String SCRIPT = "dhcp_client.py";
    static final List<String> PROFILES = List.of("windows", "linux", "android", "printer");
    static final int CLIENTS = 6;
    static final int DURATION_SECONDS = 50;
    static final List<String> COUNTED = List.of("discovers", "offers", "requests", "acks", "naks", "renewals", "informs", "releases");

    @Override
    public String name() {
        return "normal-dhcp";
    }

    @Override
    public String summary() {
        return "normal: " + CLIENTS + " DHCP clients (Windows, Linux, Android, printer) leasing, renewing, leaving and releasing"
                + " through the gateway's relay to dnsmasq";
    }

    @Override
    public List<Tool> tools() {
        return List.of(DhcpServer.DNSMASQ, Tools.IP, Tools.PYTHON, Tools.SCAPY);
    }

    /** Client {@code i}'s profile: every profile once, then seeded. */
    static String profile(int i, RandomGenerator rnd) {
        return i < PROFILES.size() ? PROFILES.get(i) : PROFILES.get(rnd.nextInt(PROFILES.size()));
    }

    /** A MAC of client {@code i}: a seeded, unicast, globally administered looking address (its first byte keeps the index). */
    static String mac(int i, RandomGenerator rnd) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%02x", (i * 4) & 0xFC));
        for (int b = 0; b < 5; b++) {
            sb.append(':').append(String.format(Locale.ROOT, "%02x", rnd.nextInt(256)));
        }
        return sb.toString();
    }

    @Override
    public void run(LabRun lab) {
        DhcpServer server = DhcpServer.start(lab);
        for (var f : DhcpServer.flows(lab.net())) {
            lab.label(f, TruthCategory.NORMAL, "normal");
        }
        String ip = lab.path(Tools.IP);
        // Only the interface that holds an address answers ARP for it: the leases live on the macvlans,
        // and an answer from veth-gw for them would send the server's unicast answers past the clients' sockets.
        lab.client("arp-ignore", Duration.ofSeconds(10), List.of("/usr/sbin/sysctl", "-qw", "net.ipv4.conf.all.arp_ignore=1")).requireOk();
        String script = lab.writeFile(SCRIPT, lab.template(SCRIPT, Map.of())).toString();
        List<Daemon> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            String iface = "dhcpc" + i;
            lab.client("macvlan-" + i, Duration.ofSeconds(10), List.of(ip, "link", "add", iface, "link", Topology.HOST_IF,
                    "address", mac(i, lab.random()), "type", "macvlan", "mode", "bridge")).requireOk();
            lab.client("up-" + i, Duration.ofSeconds(10), List.of(ip, "link", "set", iface, "up")).requireOk();
            String start = String.format(Locale.ROOT, "%.2f", 0.5 + lab.random().nextDouble() * 8);
            clients.add(lab.startClient("dhcp-client" + i, List.of(lab.path(Tools.PYTHON), script, iface, profile(i, lab.random()),
                    Long.toString(lab.random().nextLong()), start, Integer.toString(DURATION_SECONDS))));
        }
        Map<String, Long> total = new LinkedHashMap<>();
        for (Daemon d : clients) {
            if (!d.await(DURATION_SECONDS + 40)) {
                throw new LabException("a DHCP client did not end in time: " + CommandResult.tail(d.output()));
            }
            if (LabScripts.count(d.output(), "bound") != 1) {
                throw new LabException("a DHCP client got no lease: " + CommandResult.tail(d.output()));
            }
            for (String key : COUNTED) {
                total.merge(key, LabScripts.count(d.output(), key), Long::sum);
            }
        }
        lab.pause(Duration.ofSeconds(1), Duration.ofSeconds(1));
        total.forEach(lab::report);
        server.counts().forEach(lab::report);
    }
}
