package gatewatch.sensor.lab.scenario.attack;

import gatewatch.features.truth.FlowPattern;
import gatewatch.features.truth.Proto;
import gatewatch.features.truth.TruthCategory;
import gatewatch.sensor.lab.LabException;
import gatewatch.sensor.lab.net.Topology;
import gatewatch.sensor.lab.scenario.LabRun;
import gatewatch.sensor.lab.scenario.Scenario;
import gatewatch.sensor.lab.scenario.Tool;
import gatewatch.sensor.lab.scenario.Tools;
import gatewatch.sensor.lab.service.WebServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * nmap scans other than the SYN scan ({@link ScanNmapSyn}), one scenario per mode, against nginx
 * (open 80 and 443) on the server. Each run of a scenario scans from its own client address, and
 * every connection to or from that address, in either direction, is the scan's: the probes, the
 * answers, and the ICMP errors that the server (port unreachable) or the gateway (host
 * unreachable, time exceeded for traceroute) sends back. No DNS (-n), no host discovery (-Pn)
 * where the target is known to be up, ports in order (-r; nmap has no seed for its port order),
 * at most one retransmission.
 *
 * <p>Labels: KDD has portsweep (many ports of one host), ipsweep (many hosts), nmap and satan.
 * A plain port scan, TCP connect or UDP, is portsweep, as the SYN scan is. The scans whose
 * probes are nmap's own idioms, the ACK, FIN, Xmas and NULL scans and OS fingerprinting (odd flag
 * combinations, probes to open and closed ports, ICMP and UDP probes), are nmap: DARPA's nmap
 * attack was exactly nmap's SYN, FIN, ACK, UDP and ICMP modes. Version detection (-sV) and -A
 * (version, OS, default NSE scripts, traceroute) talk to the services to learn what runs and what
 * is weak, which is what SATAN did: satan. Ping sweeps over a /26 are ipsweep.
 *
 * @param runs  nmap's arguments for each run, without the target
 * @param sweep the target is {@link #SWEEP_RANGE} of the server network (with extra hosts), not the server
 */
public record ScanNmap(String name, String label, String summary, List<List<String>> runs, boolean sweep) implements Scenario {
    /** The ports of the port scans. */
    public static final String PORTS = "1-1000";
    public static final String SWEEP_RANGE = "10.77.2.0/26";
    /** Hosts added to the server network so that a sweep finds more than the gateway, the server and its aliases. */
    public static final int SWEEP_EXTRA_HOSTS = 4;
    /** The first client alias that scans; run i uses the next ones. */
    static final int FIRST_ALIAS = 33;
    private static final Pattern NUM_SERVICES = Pattern.compile("numservices=\"(\\d+)\"");
    private static final Pattern OPEN = Pattern.compile("<state state=\"open\"");
    static final Pattern HOSTS_UP = Pattern.compile("<hosts up=\"(\\d+)\" down=\"(\\d+)\"");

    public ScanNmap {
        runs = runs.stream().map(List::copyOf).toList();
    }

    private static List<String> portScan(String... mode) {
        List<String> a = new ArrayList<>(List.of(mode));
        a.addAll(List.of("-Pn", "-n", "-r", "--max-retries", "1", "-T4", "-p", PORTS));
        return a;
    }

    public static ScanNmap connect() {
        return new ScanNmap("scan-nmap-connect", "portsweep", "probe/portsweep: nmap -sT (TCP connect) of ports " + PORTS,
                List.of(portScan("-sT")), false);
    }

    public static ScanNmap ack() {
        return new ScanNmap("scan-nmap-ack", "nmap", "probe/nmap: nmap -sA (ACK scan) of ports " + PORTS, List.of(portScan("-sA")), false);
    }

    public static ScanNmap finXmasNull() {
        return new ScanNmap("scan-nmap-fin-xmas-null", "nmap", "probe/nmap: nmap -sF, -sX and -sN of ports " + PORTS + ", each from its own address",
                List.of(portScan("-sF"), portScan("-sX"), portScan("-sN")), false);
    }

    public static ScanNmap udp() {
        return new ScanNmap("scan-nmap-udp", "portsweep", "probe/portsweep: nmap -sU of a few UDP ports",
                List.of(List.of("-sU", "-Pn", "-n", "-r", "--max-retries", "1", "-T4", "-p", "53,67,69,111,123,137,161,500,514,1900")), false);
    }

    public static ScanNmap os() {
        return new ScanNmap("scan-nmap-os", "nmap", "probe/nmap: nmap -O (OS detection) with a SYN scan of ports " + PORTS,
                List.of(portScan("-O")), false);
    }

    public static ScanNmap version() {
        return new ScanNmap("scan-nmap-version", "satan", "probe/satan: nmap -sV (service versions) of ports " + PORTS,
                List.of(portScan("-sV")), false);
    }

    public static ScanNmap aggressive() {
        return new ScanNmap("scan-nmap-aggressive", "satan", "probe/satan: nmap -A (versions, OS, default scripts, traceroute) of ports " + PORTS,
                List.of(portScan("-A")), false);
    }

    public static ScanNmap pingSweeps() {
        // One sweep per probe of nmap's default host discovery (-PE -PS443 -PA80), and a UDP one.
        return new ScanNmap("scan-ping-sweep", "ipsweep", "probe/ipsweep: nmap -sn ICMP echo, TCP SYN, TCP ACK and UDP ping sweeps of " + SWEEP_RANGE,
                List.of(List.of("-sn", "-n", "-PE", "--max-retries", "1", "-T4"), List.of("-sn", "-n", "-PS443", "--max-retries", "1", "-T4"),
                        List.of("-sn", "-n", "-PA80", "--max-retries", "1", "-T4"), List.of("-sn", "-n", "-PU40125", "--max-retries", "1", "-T4")),
                true);
    }

    @Override
    public List<Tool> tools() {
        List<Tool> t = new ArrayList<>(WebServer.TOOLS);
        t.add(Tools.NMAP);
        return t;
    }

    /** The client address run {@code i} scans from. */
    static int alias(int i) {
        return FIRST_ALIAS + i;
    }

    /** nmap's full command line for run {@code i}: the run's arguments, its source address, the XML report, the target. */
    List<String> command(String nmap, String source, Path xml, String target, int i) {
        List<String> c = new ArrayList<>(List.of(nmap));
        c.addAll(runs.get(i));
        c.addAll(List.of("-S", source, "-e", Topology.HOST_IF, "-oX", xml.toString(), target));
        return c;
    }

    @Override
    public void run(LabRun lab) throws Exception {
        WebServer.start(lab);
        if (sweep) {
            lab.addServerHosts(SWEEP_EXTRA_HOSTS);
        }
        String target = sweep ? SWEEP_RANGE : lab.net().server();
        for (int i = 0; i < runs.size(); i++) {
            lab.label(FlowPattern.of(Proto.ANY, lab.net().clientAlias(alias(i)), "*").eitherDirection(), TruthCategory.PROBE, label);
        }
        for (int i = 0; i < runs.size(); i++) {
            lab.pause(Duration.ofMillis(300), Duration.ofMillis(1000));
            Path xml = lab.workDir().resolve("nmap-" + i + ".xml");
            String source = lab.net().clientAlias(alias(i));
            lab.client("nmap-" + i, Duration.ofSeconds(100), command(lab.path(Tools.NMAP), source, xml, target, i)).requireOk();
            report(lab, "run" + i + "_", Files.readString(xml), sweep);
        }
    }

    /** nmap's own counts from its XML report: ports tried and open, or hosts up and down for a sweep. */
    static void report(LabRun lab, String prefix, String xml, boolean sweep) {
        if (sweep) {
            Matcher h = HOSTS_UP.matcher(xml);
            if (!h.find()) {
                throw new LabException("nmap's XML report names no hosts up/down");
            }
            lab.report(prefix + "hosts_up", Long.parseLong(h.group(1)));
            lab.report(prefix + "hosts_down", Long.parseLong(h.group(2)));
            return;
        }
        long tried = NUM_SERVICES.matcher(xml).results().mapToLong(r -> Long.parseLong(r.group(1))).sum();
        if (tried == 0) {
            throw new LabException("nmap's XML report names no numservices");
        }
        lab.report(prefix + "ports_tried", tried);
        lab.report(prefix + "ports_open", OPEN.matcher(xml).results().count());
    }
}
