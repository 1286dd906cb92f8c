package gatewatch.sensor.lab.scenario.attack;

import gatewatch.features.truth.FlowPattern;
import gatewatch.features.truth.Proto;
import gatewatch.features.truth.TruthCategory;
import gatewatch.sensor.lab.scenario.LabRun;
import gatewatch.sensor.lab.scenario.Scenario;
import gatewatch.sensor.lab.scenario.Tool;
import java.util.List;

/**
 * An ICMP echo flood (hping3 --icmp) at the server: first from one real client address, which
 * gets the echo replies back, then from random spoofed sources, whose replies the gateway routes
 * to the client side (so they cross the capture too).
 *
 * <p>Labelled dos/{@value #LABEL}, a new label, not smurf. KDD's smurf records are echo
 * <em>replies</em> arriving at a victim that never asked for them, sent by the many hosts of a
 * network whose broadcast address got echo requests with the victim's forged source; the victim
 * is flooded by a third party's answers ({@link DosSmurf} makes that). Here the attacker sends
 * the requests to the victim itself, which answers each one: the victim's records are echo
 * requests, and the replies go back to the attacker. Calling that smurf would teach a model that
 * an echo-request burst is smurf and blur the one feature that tells the two apart (service
 * eco_i against ecr_i); KDD has no label for a plain ping flood, so it gets its own.
 */
public final class DosIcmpFlood implements Scenario {
    public static final String LABEL = "icmp_flood";
    public static final int PACKETS = 4000;
    public static final int INTERVAL_MICROS = 250;

    @Override
    public String name() {
        return "dos-icmp-flood";
    }

    @Override
    public String summary() {
        return "dos/" + LABEL + ": hping3 ICMP echo floods at the server, from a real and from random spoofed sources";
    }

    @Override
    public List<Tool> tools() {
        return List.of(AttackTools.HPING3);
    }

    @Override
    public void run(LabRun lab) throws Exception {
        String server = lab.net().server();
        lab.label(FlowPattern.of(Proto.ICMP, "*", server).eitherDirection(), TruthCategory.DOS, LABEL);
        List<String> common = List.of("-q", "--icmp", "-c", Integer.toString(PACKETS), "-i", "u" + INTERVAL_MICROS, "-d", "56");
        Hping.floodRealThenSpoofed(lab, common, 23, "real_source_replies");
    }
}
