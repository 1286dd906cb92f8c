package gatewatch.sensor.lab.scenario.normal;

import gatewatch.features.truth.FlowPattern;
import gatewatch.features.truth.Proto;
import gatewatch.features.truth.TruthCategory;
import gatewatch.sensor.lab.CommandResult;
import gatewatch.sensor.lab.LabException;
import gatewatch.sensor.lab.net.Topology;
import gatewatch.sensor.lab.scenario.Daemon;
import gatewatch.sensor.lab.scenario.LabRun;
import gatewatch.sensor.lab.scenario.Scenario;
import gatewatch.sensor.lab.scenario.Tool;
import gatewatch.sensor.lab.service.DnsServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Name lookups against dnsmasq: dig over UDP (A, MX, TXT, SRV, CNAME) and over TCP, a few names
 * that do not exist (NXDOMAIN), and several resolvers (client addresses) asking at once, at the
 * pace of applications opening connections. All normal.
 */
public final class NormalDns implements Scenario {
    static final Tool DIG = Tool.of("dig", "bind9-dnsutils", "-v");
    static final int LOOKUPS = 40;
    static final int PARALLEL_RESOLVERS = 4;
    static final List<String> MISSING = List.of("wpad", "intranet2", "backup-old", "time");

    @Override
    public String name() {
        return "normal-dns";
    }

    @Override
    public String summary() {
        return "normal: dig against dnsmasq, UDP and TCP, A/MX/TXT/SRV/CNAME, some NXDOMAIN, parallel resolvers";
    }

    @Override
    public List<Tool> tools() {
        List<Tool> t = new ArrayList<>(DnsServer.TOOLS);
        t.add(DIG);
        return t;
    }

    @Override
    public void run(LabRun lab) {
        DnsServer.start(lab);
        for (Proto p : List.of(Proto.UDP, Proto.TCP)) {
            lab.label(FlowPattern.of(p, Topology.CLIENT_NET, lab.net().server()).toPort(53), TruthCategory.NORMAL, "normal");
        }
        int[] counts = new int[3];
        for (int i = 0; i < LOOKUPS; i++) {
            if (i % 10 == 5) {
                List<Daemon> resolvers = new ArrayList<>();
                for (int r = 0; r < PARALLEL_RESOLVERS; r++) {
                    resolvers.add(lab.startClient("resolver" + r, dig(lab, lab.net().clientAlias(10 + r), query(lab.random(), counts), false)));
                }
                for (Daemon d : resolvers) {
                    if (!d.await(20)) {
                        throw new LabException("dig from resolver did not end in 20 s");
                    }
                }
            }
            boolean tcp = lab.random().nextInt(6) == 0;
            if (tcp) {
                counts[2]++;
            }
            String source = lab.random().nextBoolean() ? lab.net().client() : lab.net().clientAlias(lab.random().nextInt(8));
            CommandResult r = lab.client("dig" + i, Duration.ofSeconds(20), dig(lab, source, query(lab.random(), counts), tcp));
            if (!r.output().contains("status: NOERROR") && !r.output().contains("status: NXDOMAIN")) {
                throw new LabException("dig got no answer: " + CommandResult.tail(r.output()));
            }
            lab.pause(Duration.ofMillis(50), Duration.ofMillis(1200));
        }
        lab.report("queries", LOOKUPS + (LOOKUPS / 10) * PARALLEL_RESOLVERS);
        lab.report("nxdomain_queries", counts[1]);
        lab.report("tcp_queries", counts[2]);
    }

    /** name and type: mostly hosts of the zone (A), some MX/TXT/SRV/CNAME, one in eight a name that does not exist. */
    private static List<String> query(RandomGenerator rnd, int[] counts) {
        counts[0]++;
        int k = rnd.nextInt(16);
        if (k < 2) {
            counts[1]++;
            return List.of(MISSING.get(rnd.nextInt(MISSING.size())) + "." + DnsServer.ZONE, "A");
        }
        return switch (k) {
            case 2 -> List.of(DnsServer.ZONE, "MX");
            case 3 -> List.of(DnsServer.ZONE, "TXT");
            case 4 -> List.of("_imap._tcp." + DnsServer.ZONE, "SRV");
            case 5 -> List.of("intranet." + DnsServer.ZONE, "A");
            default -> List.of(DnsServer.NAMES.get(rnd.nextInt(DnsServer.NAMES.size())) + "." + DnsServer.ZONE, "A");
        };
    }

    private static List<String> dig(LabRun lab, String source, List<String> query, boolean tcp) {
        List<String> c = new ArrayList<>(List.of(lab.path(DIG), "@" + lab.net().server(), "-b", source, "+tries=1", "+time=3"));
        c.add(tcp ? "+tcp" : "+notcp");
        c.addAll(List.of(query.get(0), query.get(1)));
        return c;
    }
}
