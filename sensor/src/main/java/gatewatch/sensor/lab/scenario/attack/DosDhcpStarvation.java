package gatewatch.sensor.lab.scenario.attack;

import gatewatch.features.truth.FlowPattern;
import gatewatch.features.truth.TruthCategory;
import gatewatch.sensor.lab.CommandResult;
import gatewatch.sensor.lab.LabException;
import gatewatch.sensor.lab.net.Topology;
import gatewatch.sensor.lab.scenario.LabRun;
import gatewatch.sensor.lab.scenario.Scenario;
import gatewatch.sensor.lab.scenario.Tool;
import gatewatch.sensor.lab.scenario.Tools;
import gatewatch.sensor.lab.service.DhcpServer;
import java.io.IOException;
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
 * DHCP starvation from the client network: a scapy script ({@code dhcp_starve.py}) broadcasts
 * DHCPDISCOVERs, each from a new random client MAC, at tens to hundreds a second, against the
 * site's DHCP server (dnsmasq in the server namespace behind the gateway's relay,
 * {@link DhcpServer}). The seed picks the tool's manner ({@link Style}): DHCPig's (take every
 * offer with a DHCPREQUEST, past the pool's size: the pool runs out and the server goes quiet),
 * yersinia's DISCOVER flood (never takes an offer: offers reserve nothing in dnsmasq, the pool
 * never runs out, the server answers every DISCOVER), one with the broadcast flag (every answer
 * goes to 255.255.255.255; the pool runs out) or a short burst that leases part of the pool.
 * Rate and count are seeded.
 * Every DHCP connection of the run is dos/{@value #LABEL}; KDD has no DHCP attack.
 */
public final class DosDhcpStarvation implements Scenario {
    public static final String LABEL = "dhcp_starvation";
    static final String SCRIPT = "dhcp_starve.py";
    /** Seconds the script keeps listening after its last DISCOVER, for the last answers. */
    static final int LINGER_SECONDS = 2;
    private static final Pattern COUNTS = Pattern.compile(
            "discovers (\\d+) offers (\\d+) requests (\\d+) acks (\\d+) naks (\\d+)");

    /** How the flood treats the server's offers, and whether it outlasts the pool. */
    enum Style {
        /** DHCPig: a DHCPREQUEST for every offer, more DISCOVERs than the pool holds: the pool runs out. */
        TAKE_OFFERS_PAST_POOL,
        /** yersinia's DISCOVER flood: never a REQUEST, so nothing is leased and every DISCOVER is answered. */
        DISCOVER_ONLY,
        /** dhcpstarv-like with the broadcast flag set: every answer goes to 255.255.255.255; the pool runs out. */
        BROADCAST_FLAG,
        /** A short burst that takes its offers but stops before the pool runs out. */
        TAKE_OFFERS_BELOW_POOL;

        /** Seeds 1, 2, 3, 4 give the four styles, and so on round. */
        static Style ofSeed(long seed) {
            return values()[(int) Math.floorMod(seed - 1, (long) values().length)];
        }
    }

    /** One flood: its style, how many DISCOVERs, how many a second. */
    record Flood(Style style, int discovers, int rate) {
        static Flood of(long seed, RandomGenerator rnd) {
            Style style = Style.ofSeed(seed);
            int pool = DhcpServer.POOL_SIZE;
            return switch (style) {
                case TAKE_OFFERS_PAST_POOL -> new Flood(style, rnd.nextInt(pool * 3 / 2, pool * 4), rnd.nextInt(40, 201));
                case DISCOVER_ONLY -> new Flood(style, rnd.nextInt(200, 801), rnd.nextInt(100, 401));
                case BROADCAST_FLAG -> new Flood(style, rnd.nextInt(pool * 2, pool * 5), rnd.nextInt(20, 81));
                case TAKE_OFFERS_BELOW_POOL -> new Flood(style, rnd.nextInt(pool / 3, pool * 3 / 4), rnd.nextInt(100, 301));
            };
        }

        boolean takesOffers() {
            return style != Style.DISCOVER_ONLY;
        }

        boolean broadcastFlag() {
            return style == Style.BROADCAST_FLAG;
        }

        /** The script's argv after its path. */
        List<String> arguments(long seed) {
            return List.of(Topology.HOST_IF, Integer.toString(discovers), Integer.toString(rate), takesOffers() ? "1" : "0",
                    broadcastFlag() ? "1" : "0", Long.toString(seed), Integer.toString(LINGER_SECONDS));
        }
    }

    @Override
    public String name() {
        return "dos-dhcp-starvation";
    }

    @Override
    public String summary() {
        return "dos/" + LABEL + ": scapy DHCPDISCOVER floods from random MACs against dnsmasq behind the gateway's relay,"
                + " taking the offers or not, the pool run out or not";
    }

    @Override
    public List<Tool> tools() {
        return List.of(DhcpServer.DNSMASQ, Tools.PYTHON, Tools.SCAPY);
    }

    /** One seed a style: each changes what the capture holds (the answers' addresses, whether the pool runs out). */
    @Override
    public int corpusSeeds() {
        return Style.values().length;
    }

    @Override
    public void run(LabRun lab) throws Exception {
        DhcpServer server = DhcpServer.start(lab);
        for (FlowPattern f : DhcpServer.flows(lab.net())) {
            lab.label(f, TruthCategory.DOS, LABEL);
        }
        Flood flood = Flood.of(lab.seed(), lab.random());
        lab.log("flood: " + flood);
        String script = lab.writeFile(SCRIPT, lab.template(SCRIPT, Map.of())).toString();
        lab.pause(Duration.ofMillis(300), Duration.ofMillis(1000));
        List<String> c = new ArrayList<>(List.of(lab.path(Tools.PYTHON), script));
        c.addAll(flood.arguments(lab.random().nextLong()));
        CommandResult r = lab.client("dhcp-starve", Duration.ofSeconds(90), c).requireOk();
        lab.pause(Duration.ofSeconds(1), Duration.ofSeconds(1));
        lab.report("style", flood.style().ordinal());
        lab.report("rate", flood.rate());
        for (Map.Entry<String, Long> e : counts(r.output()).entrySet()) {
            lab.report(e.getKey(), e.getValue());
        }
        for (Map.Entry<String, Long> e : server.counts().entrySet()) {
            lab.report(e.getKey(), e.getValue());
        }
        lab.report("leases", leases(lab.workDir().resolve("dhcp.leases")));
    }

    /** The script's own counts: DISCOVERs sent, OFFERs, ACKs and NAKs heard, REQUESTs sent (distinct transaction ids). */
    static Map<String, Long> counts(String output) {
        Matcher m = COUNTS.matcher(output);
        if (!m.find()) {
            throw new LabException("dhcp_starve.py did not say what it sent: " + CommandResult.tail(output));
        }
        Map<String, Long> c = new LinkedHashMap<>();
        String[] keys = {"discovers_sent", "offers_heard", "requests_sent", "acks_heard", "naks_heard"};
        for (int i = 0; i < keys.length; i++) {
            c.put(keys[i], Long.parseLong(m.group(i + 1)));
        }
        return c;
    }

    /** Leases the server holds at the end: one line each in its lease file. */
    static long leases(Path file) throws IOException {
        return Files.exists(file) ? Files.readAllLines(file).stream().filter(l -> !l.isBlank()).count() : 0;
    }
}
