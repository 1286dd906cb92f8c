package gatewatch.sensor.lab.scenario.attack;

import gatewatch.features.truth.FlowPattern;
import gatewatch.features.truth.Proto;
import gatewatch.features.truth.TruthCategory;
import gatewatch.sensor.lab.net.Topology;
import gatewatch.sensor.lab.scenario.LabRun;
import gatewatch.sensor.lab.scenario.Scenario;
import gatewatch.sensor.lab.scenario.Tool;
import gatewatch.sensor.lab.scenario.normal.NormalNtp;
import gatewatch.sensor.lab.service.OpenResolver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A UDP reflection flood as the victim's gateway sees it: only the reflectors' answers. hping3 in
 * the server namespace forges queries from a client-side victim to UDP services on the server's
 * own addresses (an open dnsmasq resolver and chronyd, five reflector addresses), so the queries
 * never cross the capture; each answer goes from the service's port to whichever port the forged
 * query came from, so the victim sees many connections from one source port to ports it never
 * used, unanswered. This is the shape of every reflection flood (DNS, NTP, ISAKMP, SSDP,
 * memcached), whatever the service: {@link DosDnsAmplification} records the other view, where
 * the capture also sees the forged queries.
 *
 * <p>Waves differ in service, answer size (a 3 KB TXT answer in fragments, a small A answer, a
 * 48-byte NTP reply) and rate (100 to 1,000 answers a second), so that what is learned is the
 * shape, not one size or one rate. Two victims: a live host ({@code clientAlias(33)}), whose
 * kernel answers some with ICMP port unreachable (rate-limited), and an address nobody owns
 * ({@code outside(9)}), silent. Everything between a victim and the server network is
 * dos/{@value #LABEL}.
 */
public final class DosUdpReflection implements Scenario {
    public static final String LABEL = "udp_reflection";
    static final int LIVE_VICTIM_ALIAS = 33;
    static final int SILENT_VICTIM = 9;
    static final int NTP_PORT = 123;
    static final int DNS_PORT = 53;

    /** One burst of forged queries: to {@code reflector} (an index into the reflector addresses), {@code count} at {@code intervalMicros}. */
    record Wave(String name, int reflector, boolean dns, int qtype, boolean liveVictim, int count, int intervalMicros) {
    }

    static final List<Wave> WAVES = List.of(
            new Wave("dns-txt-a", 0, true, DnsQuery.TYPE_TXT, false, 300, 2000),
            new Wave("dns-txt-b", 1, true, DnsQuery.TYPE_TXT, true, 300, 2000),
            new Wave("ntp-a", 2, false, 0, true, 300, 4000),
            new Wave("ntp-b", 3, false, 0, false, 400, 1000),
            new Wave("dns-a", 4, true, DnsQuery.TYPE_A, false, 200, 10000));

    @Override
    public String name() {
        return "dos-udp-reflection";
    }

    @Override
    public String summary() {
        return "dos/" + LABEL + ": hping3 DNS and NTP queries forged from client-side victims to five server addresses; only the answers cross the capture";
    }

    @Override
    public List<Tool> tools() {
        return List.of(OpenResolver.DNSMASQ, NormalNtp.CHRONYD, AttackTools.HPING3);
    }

    @Override
    public void run(LabRun lab) throws Exception {
        List<String> reflectors = reflectors(lab.net());
        OpenResolver.start(lab, reflectors);
        Path chrony = lab.writeFile("chrony-reflector.conf", lab.template("chrony-server.conf",
                Map.of("DIR", lab.workDir().toString(), "ADDRESS", "0.0.0.0")));
        lab.startServer("chronyd-reflector", List.of(lab.path(NormalNtp.CHRONYD), "-x", "-d", "-u", "root", "-f", chrony.toString()));
        lab.pause(Duration.ofMillis(1500), Duration.ofMillis(1500));
        for (FlowPattern f : victimFlows(lab.net())) {
            lab.label(f, TruthCategory.DOS, LABEL);
        }
        int id = lab.random().nextInt(1 << 16);
        Path ntp = lab.writeFile("ntp-request.bin", ntpRequest(lab.random().nextLong()));
        for (Wave w : WAVES) {
            Path payload = w.dns()
                    ? lab.writeFile(w.name() + ".bin", DnsQuery.of(id, w.qtype() == DnsQuery.TYPE_A ? "www." + OpenResolver.ZONE
                            : OpenResolver.BIG_NAME, w.qtype(), 4096))
                    : ntp;
            id = (id + 1) & 0xffff;
            String victim = w.liveVictim() ? lab.net().clientAlias(LIVE_VICTIM_ALIAS) : lab.net().outside(SILENT_VICTIM);
            lab.pause(Duration.ofMillis(300), Duration.ofMillis(1500));
            // The forged source port changes with each query (hping3's default), as a victim's ports do under a real flood.
            Hping.Stats s = Hping.runOnServer(lab, w.name(), Duration.ofSeconds(60), List.of("-q", "--udp",
                    "-a", victim, "-p", Integer.toString(w.dns() ? DNS_PORT : NTP_PORT), "-E", payload.toString(),
                    "-d", Long.toString(Files.size(payload)), "-c", Integer.toString(w.count()),
                    "-i", "u" + w.intervalMicros(), reflectors.get(w.reflector())));
            lab.report(w.name().replace('-', '_') + "_sent", s.transmitted());
        }
        lab.pause(Duration.ofSeconds(1), Duration.ofSeconds(1));
    }

    /**
     * What the attack makes, in either direction: UDP between the server network and a victim (the
     * answers, oriented from the reflector, since the capture never sees the query), and the live
     * victim's ICMP errors about them.
     */
    static List<FlowPattern> victimFlows(Topology net) {
        List<FlowPattern> flows = new ArrayList<>();
        for (String victim : List.of(net.clientAlias(LIVE_VICTIM_ALIAS), net.outside(SILENT_VICTIM))) {
            flows.add(FlowPattern.of(Proto.UDP, Topology.SERVER_NET, victim).eitherDirection());
            flows.add(FlowPattern.of(Proto.ICMP, victim, Topology.SERVER_NET).eitherDirection());
        }
        return flows;
    }

    /** The reflectors: the server's address and four of its aliases. */
    static List<String> reflectors(Topology net) {
        return List.of(net.server(), net.serverAlias(0), net.serverAlias(1), net.serverAlias(2), net.serverAlias(3));
    }

    /** A 48-byte NTPv4 client request (mode 3) with {@code transmit} as its transmit timestamp, which the server echoes. */
    static byte[] ntpRequest(long transmit) {
        byte[] p = new byte[48];
        p[0] = 0x23;
        for (int i = 0; i < 8; i++) {
            p[40 + i] = (byte) (transmit >>> (56 - 8 * i));
        }
        return p;
    }
}
