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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TCP host sweeps: one port on every address of the server network's /24, three times, each from
 * its own client address: an nmap TCP SYN ping sweep of port 80 ({@code -sn -PS80}), an nmap SYN
 * scan of port 443 on every host without host discovery ({@code -sS -Pn -p 443}), and masscan of
 * port 80 ({@code --seed} from the run's seed). nginx answers on the server and its aliases, the
 * extra server hosts and the gateway answer RST, the other ~230 addresses are absent: their SYNs go
 * unanswered (S0) or draw an ICMP host unreachable from the gateway, which fails to resolve them.
 * Every connection to or from a scanning address, in either direction and ICMP errors included,
 * is the sweep's. Many hosts, one port: probe/ipsweep (the ping sweeps of {@link ScanNmap} sweep a
 * /26 mostly with ICMP and give few TCP rows of this shape).
 */
public final class ScanTcpSweep implements Scenario {
    public static final String LABEL = "ipsweep";
    /** The whole server network: the gateway routes it, so its capture sees every probe. */
    public static final String TARGET = Topology.SERVER_NET;
    /** Addresses in {@link #TARGET}. */
    public static final int ADDRESSES = 256;
    public static final int MASSCAN_RATE = 1000;
    /** Client aliases of the three runs (nmap ping sweep, nmap SYN scan, masscan); no other scenario uses them. */
    static final List<Integer> ALIASES = List.of(37, 38, 39);
    private static final Pattern PORT_STATE = Pattern.compile("<port protocol=\"tcp\" portid=\"\\d+\"><state state=\"(\\w+)\"");
    static final Pattern RAW_SENT = Pattern.compile("Raw packets sent: (\\d+) .*\\| Rcvd: (\\d+)");
    private static final Pattern MASSCAN_HOSTS = Pattern.compile("Scanning (\\d+) hosts \\[(\\d+) port");

    @Override
    public String name() {
        return "scan-tcp-sweep";
    }

    @Override
    public String summary() {
        return "probe/ipsweep: nmap -sn -PS80, nmap -sS -Pn -p 443 and masscan -p80 of every address of " + TARGET
                + ", each from its own address";
    }

    @Override
    public List<Tool> tools() {
        List<Tool> t = new ArrayList<>(WebServer.TOOLS);
        t.add(Tools.NMAP);
        t.add(AttackTools.MASSCAN);
        return t;
    }

    /** nmap's command line for run {@code i} (0: SYN ping sweep of port 80, 1: SYN scan of port 443). */
    static List<String> nmap(String nmap, int i, String source, Path xml) {
        List<String> c = new ArrayList<>(List.of(nmap));
        c.addAll(i == 0 ? List.of("-sn", "-PS80") : List.of("-sS", "-Pn", "-p", "443"));
        // -v for nmap's "Raw packets sent" line; -n: no reverse DNS (it would add connections of its own).
        c.addAll(List.of("-n", "-v", "--max-retries", "1", "-T4", "-S", source, "-e", Topology.HOST_IF, "-oX", xml.toString(), TARGET));
        return c;
    }

    /** masscan's command line: one port, the whole /24, a fixed rate and order. */
    static List<String> masscan(String masscan, String source, long seed, Path list) {
        return List.of(masscan, "-p80", TARGET, "--rate", Integer.toString(MASSCAN_RATE), "--seed", Long.toString(seed), "--wait", "2",
                "--adapter", Topology.HOST_IF, "--source-ip", source, "-oL", list.toString());
    }

    /** The truth: everything to or from a scanning address, either direction, any protocol. */
    static List<FlowPattern> rules(Topology net) {
        return ALIASES.stream().map(a -> FlowPattern.of(Proto.ANY, net.clientAlias(a), "*").eitherDirection()).toList();
    }

    @Override
    public void run(LabRun lab) throws Exception {
        WebServer.start(lab);
        lab.addServerHosts(Topology.SERVER_HOSTS);
        for (FlowPattern rule : rules(lab.net())) {
            lab.label(rule, TruthCategory.PROBE, LABEL);
        }
        for (int i = 0; i < 2; i++) {
            lab.pause(Duration.ofMillis(300), Duration.ofMillis(1000));
            Path xml = lab.workDir().resolve("nmap-" + i + ".xml");
            String out = lab.client("nmap-" + i, Duration.ofSeconds(60),
                    nmap(lab.path(Tools.NMAP), i, lab.net().clientAlias(ALIASES.get(i)), xml)).requireOk().output();
            report(lab, "run" + i + "_", nmapCounts(Files.readString(xml), out));
        }
        lab.pause(Duration.ofMillis(300), Duration.ofMillis(1000));
        Path list = lab.workDir().resolve("masscan.txt");
        String out = lab.client("masscan", Duration.ofSeconds(30),
                masscan(lab.path(AttackTools.MASSCAN), lab.net().clientAlias(ALIASES.get(2)), lab.seed(), list)).requireOk().output();
        report(lab, "run2_", masscanCounts(out, Files.readAllLines(list)));
    }

    /** nmap's own counts: hosts up and down, port states (SYN scan), raw packets sent and received. */
    static Map<String, Long> nmapCounts(String xml, String output) {
        Map<String, Long> counts = new LinkedHashMap<>();
        Matcher h = ScanNmap.HOSTS_UP.matcher(xml);
        if (!h.find()) {
            throw new LabException("nmap's XML report names no hosts up/down");
        }
        counts.put("hosts_up", Long.parseLong(h.group(1)));
        counts.put("hosts_down", Long.parseLong(h.group(2)));
        List<String> states = PORT_STATE.matcher(xml).results().map(r -> r.group(1)).toList();
        if (!states.isEmpty()) {
            for (String s : List.of("open", "closed", "filtered")) {
                counts.put("ports_" + s, states.stream().filter(s::equals).count());
            }
        }
        Matcher raw = RAW_SENT.matcher(output);
        if (!raw.find()) {
            throw new LabException("nmap -v printed no 'Raw packets sent' line");
        }
        counts.put("probes_sent", Long.parseLong(raw.group(1)));
        counts.put("packets_received", Long.parseLong(raw.group(2)));
        return counts;
    }

    /** masscan's own counts: hosts times ports it says it scans (one probe each, it never retries) and the open ports it lists. */
    static Map<String, Long> masscanCounts(String output, List<String> list) {
        Matcher m = MASSCAN_HOSTS.matcher(output);
        if (!m.find()) {
            throw new LabException("masscan printed no 'Scanning N hosts [M port/host]' line");
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("probes_sent", Long.parseLong(m.group(1)) * Long.parseLong(m.group(2)));
        counts.put("ports_open", list.stream().filter(l -> l.startsWith("open ")).count());
        return counts;
    }

    private static void report(LabRun lab, String prefix, Map<String, Long> counts) {
        counts.forEach((k, v) -> lab.report(prefix + k, v));
    }
}
