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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SYN port scans of a host that never answers: {@value #TARGET}, an address of the server network
 * that no namespace holds, so every probe goes unanswered (S0) as behind a firewall that drops, or
 * draws the gateway's rate-limited ICMP host unreachable (it fails to resolve the address). The
 * lab's other SYN scans hit a host that resets closed ports (REJ); a scan of a silent host is the
 * shape of a real capture of nmap against a filtered address (all S0, same_srv_rate 0) that a
 * model may otherwise take for a SYN flood. One source, one host, many ports: probe/portsweep, as
 * {@link ScanNmapSyn}. The seed picks the scan (port set, timing, retries, tool); see {@link #scans}.
 */
public final class ScanNmapFiltered implements Scenario {
    public static final String LABEL = "portsweep";
    /** Not the gateway (.1), the server (.2), its aliases (.10-.19) or the extra hosts (.30-.37): nobody's. */
    public static final String TARGET = "10.77.2.200";
    public static final int MASSCAN_RATE = 1000;
    /** Client aliases of the nmap and the masscan scan; no other scenario uses them. */
    static final int NMAP_ALIAS = 46;
    static final int MASSCAN_ALIAS = 47;
    /** Ports of a seeded random range: its size and the lowest first port (above the well-known ones). */
    static final int RANDOM_PORTS_MIN = 600;
    static final int RANDOM_PORTS_MAX = 1500;
    static final int RANDOM_FIRST_PORT = 1025;
    private static final Pattern NUM_SERVICES = Pattern.compile("numservices=\"(\\d+)\"");
    private static final Pattern FILTERED = Pattern.compile("<extraports state=\"filtered\" count=\"(\\d+)\"");
    private static final Pattern HOST_UNREACH = Pattern.compile("<extrareasons reason=\"host-unreach\" count=\"(\\d+)\"");

    /** One scan of the target from its own client address. */
    sealed interface Scan permits NmapScan, MasscanScan {
        int alias();

        /** The command line; {@code out} is the tool's report file. */
        List<String> command(String program, String source, Path out, long seed);
    }

    /** {@code nmap -sS -Pn -n} of {@code ports} (nmap's port arguments) at {@code -T<timing>}. */
    record NmapScan(List<String> ports, int timing, int maxRetries) implements Scan {
        @Override
        public int alias() {
            return NMAP_ALIAS;
        }

        @Override
        public List<String> command(String nmap, String source, Path xml, long seed) {
            List<String> c = new ArrayList<>(List.of(nmap, "-sS", "-Pn", "-n"));
            c.addAll(ports);
            // -v for nmap's "Raw packets sent" line; -n: no reverse DNS (connections of its own).
            c.addAll(List.of("-T" + timing, "--max-retries", Integer.toString(maxRetries), "-v",
                    "-S", source, "-e", Topology.HOST_IF, "-oX", xml.toString(), TARGET));
            return c;
        }
    }

    /** masscan of ports {@code first}-{@code last} at {@value #MASSCAN_RATE} packets a second, its order fixed by {@code --seed}. */
    record MasscanScan(int first, int last) implements Scan {
        @Override
        public int alias() {
            return MASSCAN_ALIAS;
        }

        @Override
        public List<String> command(String masscan, String source, Path list, long seed) {
            return List.of(masscan, "-p" + first + "-" + last, TARGET, "--rate", Integer.toString(MASSCAN_RATE),
                    "--seed", Long.toString(seed), "--wait", "2", "--adapter", Topology.HOST_IF, "--source-ip", source,
                    "-oL", list.toString());
        }
    }

    @Override
    public String name() {
        return "scan-nmap-filtered";
    }

    @Override
    public String summary() {
        return "probe/portsweep: nmap -sS -Pn (and masscan) of " + TARGET + ", an address nobody holds: no answers";
    }

    @Override
    public List<Tool> tools() {
        return List.of(Tools.NMAP, AttackTools.MASSCAN);
    }

    /** Three kinds of scan, the seed's remainder picks one, so that corpus seeds 1-3 record each once. */
    @Override
    public int corpusSeeds() {
        return 3;
    }

    /**
     * The seed's scans: 1 nmap of ports 1-1000 at -T4 with one retry (ScanNmapSyn's scan, silent);
     * 2 nmap's top 500 ports at -T3 with two retries (-T3 sends ~25 probes a second here: 1000 ports took 80 s); 3 nmap of a random range at -T5 without
     * retries, then masscan of another random range; 4 and on repeat the cycle.
     */
    static List<Scan> scans(long seed, RandomGenerator random) {
        return switch ((int) Math.floorMod(seed - 1, 3L)) {
            case 0 -> List.of(new NmapScan(List.of("-p", "1-1000"), 4, 1));
            case 1 -> List.of(new NmapScan(List.of("--top-ports", "500"), 3, 2));
            default -> {
                int[] a = randomRange(random);
                int[] b = randomRange(random);
                yield List.of(new NmapScan(List.of("-p", a[0] + "-" + a[1]), 5, 0), new MasscanScan(b[0], b[1]));
            }
        };
    }

    private static int[] randomRange(RandomGenerator random) {
        int size = random.nextInt(RANDOM_PORTS_MIN, RANDOM_PORTS_MAX + 1);
        int first = random.nextInt(RANDOM_FIRST_PORT, 65536 - size + 1);
        return new int[] {first, first + size - 1};
    }

    /** The truth: the scanner's TCP to the target, and the gateway's ICMP errors about it (either direction). */
    static List<FlowPattern> rules(Topology net, int alias) {
        String scanner = net.clientAlias(alias);
        return List.of(FlowPattern.of(Proto.TCP, scanner, TARGET),
                FlowPattern.of(Proto.ICMP, net.gatewayClientSide(), scanner).eitherDirection());
    }

    @Override
    public void run(LabRun lab) throws Exception {
        List<Scan> scans = scans(lab.seed(), lab.random());
        for (Scan s : scans) {
            for (FlowPattern rule : rules(lab.net(), s.alias())) {
                lab.label(rule, TruthCategory.PROBE, LABEL);
            }
        }
        for (int i = 0; i < scans.size(); i++) {
            Scan s = scans.get(i);
            lab.pause(Duration.ofMillis(300), Duration.ofMillis(1000));
            String source = lab.net().clientAlias(s.alias());
            String prefix = "run" + i + "_";
            switch (s) {
                case NmapScan n -> {
                    Path xml = lab.workDir().resolve("nmap-" + i + ".xml");
                    String out = lab.client("nmap-" + i, Duration.ofSeconds(90), n.command(lab.path(Tools.NMAP), source, xml, lab.seed()))
                            .requireOk().output();
                    nmapCounts(Files.readString(xml), out).forEach((k, v) -> lab.report(prefix + k, v));
                    lab.report(prefix + "max_retries", n.maxRetries());
                }
                case MasscanScan m -> {
                    Path list = lab.workDir().resolve("masscan-" + i + ".txt");
                    String out = lab.client("masscan-" + i, Duration.ofSeconds(60),
                            m.command(lab.path(AttackTools.MASSCAN), source, list, lab.seed())).requireOk().output();
                    ScanTcpSweep.masscanCounts(out, Files.readAllLines(list)).forEach((k, v) -> lab.report(prefix + k, v));
                }
            }
        }
    }

    /**
     * nmap's own counts of a scan of a silent host: ports scanned, ports it calls filtered, of
     * those the ones a host unreachable answered, raw packets sent (probes, retries included) and received.
     */
    static Map<String, Long> nmapCounts(String xml, String output) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("ports_tried", first(NUM_SERVICES, xml, "numservices"));
        counts.put("ports_filtered", first(FILTERED, xml, "filtered extraports"));
        Matcher u = HOST_UNREACH.matcher(xml);
        counts.put("ports_host_unreach", u.find() ? Long.parseLong(u.group(1)) : 0L);
        Matcher raw = ScanTcpSweep.RAW_SENT.matcher(output);
        if (!raw.find()) {
            throw new LabException("nmap -v printed no 'Raw packets sent' line");
        }
        counts.put("probes_sent", Long.parseLong(raw.group(1)));
        counts.put("packets_received", Long.parseLong(raw.group(2)));
        return counts;
    }

    private static long first(Pattern p, String xml, String what) {
        Matcher m = p.matcher(xml);
        if (!m.find()) {
            throw new LabException("nmap's XML report names no " + what);
        }
        return Long.parseLong(m.group(1));
    }
}
