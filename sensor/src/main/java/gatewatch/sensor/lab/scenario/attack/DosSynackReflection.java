package gatewatch.sensor.lab.scenario.attack;

import gatewatch.features.truth.FlowPattern;
import gatewatch.features.truth.Proto;
import gatewatch.features.truth.TruthCategory;
import gatewatch.sensor.lab.scenario.LabRun;
import gatewatch.sensor.lab.scenario.Scenario;
import gatewatch.sensor.lab.scenario.Tool;
import gatewatch.sensor.lab.service.WebServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * SYN-ACK reflection: hping3 sends SYNs with a victim's forged source address to nginx's open
 * ports 80 and 443, so the server (the reflector) sends its SYN-ACKs, and their retransmissions,
 * to the victim. Two victims, both on the client side so that everything crosses the capture: a
 * live host ({@code clientAlias(31)}), whose kernel answers each unexpected SYN-ACK with RST, and
 * an address nobody owns ({@code outside(7)}), which stays silent and so draws the server's
 * retransmitted SYN-ACKs. Every connection from a victim's address is dos/{@value #LABEL}: the
 * connection's originator is the forged victim (the SYN's source), its responder the reflector.
 * Not neptune: the server is only the tool; the victim is the one flooded.
 */
public final class DosSynackReflection implements Scenario {
    public static final String LABEL = "synack_reflection";
    /** SYNs per victim and port. */
    public static final int PACKETS = 1200;
    public static final int INTERVAL_MICROS = 500;
    static final int LIVE_VICTIM_ALIAS = 31;
    static final int SILENT_VICTIM = 7;

    @Override
    public String name() {
        return "dos-synack-reflection";
    }

    @Override
    public String summary() {
        return "dos/" + LABEL + ": hping3 SYNs forged from two client-side victims to nginx's open ports; the SYN-ACKs go to the victims";
    }

    @Override
    public List<Tool> tools() {
        List<Tool> t = new ArrayList<>(WebServer.TOOLS);
        t.add(AttackTools.HPING3);
        return t;
    }

    @Override
    public void run(LabRun lab) throws Exception {
        WebServer.start(lab);
        String server = lab.net().server();
        List<String> victims = List.of(lab.net().clientAlias(LIVE_VICTIM_ALIAS), lab.net().outside(SILENT_VICTIM));
        for (String v : victims) {
            lab.label(FlowPattern.of(Proto.TCP, v, server), TruthCategory.DOS, LABEL);
        }
        String[] names = {"live", "silent"};
        for (int i = 0; i < victims.size(); i++) {
            for (int port : new int[] {80, 443}) {
                lab.pause(Duration.ofMillis(300), Duration.ofMillis(1000));
                Hping.Stats s = Hping.run(lab, "reflect-" + names[i] + "-" + port, Duration.ofSeconds(60), List.of("-q", "-S",
                        "-a", victims.get(i), "-p", Integer.toString(port), "-c", Integer.toString(PACKETS),
                        "-i", "u" + INTERVAL_MICROS, server));
                lab.report(names[i] + "_victim_" + port + "_syns_sent", s.transmitted());
            }
        }
        // Long enough for the server's first SYN-ACK retransmissions (1 s, then 3 s) to the silent victim.
        lab.pause(Duration.ofSeconds(3), Duration.ofSeconds(3));
    }
}
