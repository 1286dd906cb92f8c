package gatewatch.sensor.lab.scenario.attack;

import gatewatch.features.truth.FlowPattern;
import gatewatch.features.truth.Proto;
import gatewatch.features.truth.TruthCategory;
import gatewatch.sensor.lab.scenario.LabRun;
import gatewatch.sensor.lab.scenario.Scenario;
import gatewatch.sensor.lab.scenario.Tool;
import java.util.List;

/**
 * A UDP flood (hping3 --udp) of 512-byte datagrams at a closed port of the server, a new source
 * port for each, first from one real client address, then from random spoofed sources. The
 * server's ICMP port-unreachable answers (rate-limited by its kernel) are part of it. Labelled
 * dos/{@value #LABEL}: KDD has no UDP flood (its UDP DoS records are teardrop's fragments).
 */
public final class DosUdpFlood implements Scenario {
    public static final String LABEL = "udp_flood";
    public static final int PACKETS = 4000;
    public static final int INTERVAL_MICROS = 250;
    public static final int PORT = 9;

    @Override
    public String name() {
        return "dos-udp-flood";
    }

    @Override
    public String summary() {
        return "dos/" + LABEL + ": hping3 UDP floods at a closed server port, from a real and from random spoofed sources";
    }

    @Override
    public List<Tool> tools() {
        return List.of(AttackTools.HPING3);
    }

    @Override
    public void run(LabRun lab) throws Exception {
        String server = lab.net().server();
        lab.label(FlowPattern.of(Proto.UDP, "*", server).toPort(PORT), TruthCategory.DOS, LABEL);
        lab.label(FlowPattern.of(Proto.ICMP, "*", server).eitherDirection(), TruthCategory.DOS, LABEL);
        List<String> common = List.of("-q", "--udp", "-p", Integer.toString(PORT), "-d", "512",
                "-c", Integer.toString(PACKETS), "-i", "u" + INTERVAL_MICROS);
        Hping.floodRealThenSpoofed(lab, common, 25, "real_source_icmp_answers");
    }
}
