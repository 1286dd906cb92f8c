package gatewatch.sensor.lab.scenario.normal;

import gatewatch.features.truth.FlowPattern;
import gatewatch.features.truth.Proto;
import gatewatch.features.truth.TruthCategory;
import gatewatch.sensor.lab.net.Topology;
import gatewatch.sensor.lab.scenario.Daemon;
import gatewatch.sensor.lab.scenario.LabRun;
import gatewatch.sensor.lab.scenario.Scenario;
import gatewatch.sensor.lab.scenario.Tool;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Time synchronisation with chrony: a server chronyd on its own clock ({@code local stratum 8}),
 * a client chronyd polling it (iburst, then every 2-4 s), and one-shot {@code chronyd -Q} checks
 * from other client addresses. Every chronyd runs with {@code -x} and its own configuration in the
 * work directory: none touches the host's clock or files. All normal.
 */
public final class NormalNtp implements Scenario {
    public static final Tool CHRONYD = Tool.of("chronyd", "chrony", "--version");
    static final int PORT = 123;
    static final int CHECKS = 4;

    @Override
    public String name() {
        return "normal-ntp";
    }

    @Override
    public String summary() {
        return "normal: chronyd server (local stratum), a polling chronyd client and one-shot chronyd -Q checks, all with -x";
    }

    @Override
    public List<Tool> tools() {
        return List.of(CHRONYD);
    }

    @Override
    public void run(LabRun lab) {
        String dir = lab.workDir().toString();
        String server = lab.writeFile("chrony-server.conf", lab.template("chrony-server.conf",
                Map.of("DIR", dir, "ADDRESS", lab.net().server()))).toString();
        lab.label(FlowPattern.of(Proto.UDP, Topology.CLIENT_NET, lab.net().server()).toPort(PORT), TruthCategory.NORMAL, "normal");
        lab.startServer("chronyd-server", List.of(lab.path(CHRONYD), "-x", "-d", "-u", "root", "-f", server));
        lab.pause(Duration.ofMillis(1500), Duration.ofMillis(1500));
        String client = lab.writeFile("chrony-client.conf", lab.template("chrony-client.conf",
                Map.of("DIR", dir, "ADDRESS", lab.net().client(), "SERVER", lab.net().server()))).toString();
        Daemon poller = lab.startClient("chronyd-client", List.of(lab.path(CHRONYD), "-x", "-d", "-u", "root", "-f", client));
        for (int i = 0; i < CHECKS; i++) {
            lab.pause(Duration.ofMillis(2000), Duration.ofMillis(6000));
            lab.client("chronyd-Q" + i, Duration.ofSeconds(30), List.of(lab.path(CHRONYD), "-Q", "-u", "root",
                    "server " + lab.net().server() + " iburst maxsamples 4",
                    "bindacqaddress " + lab.net().clientAlias(5 + i), "pidfile " + dir + "/chronyd-q" + i + ".pid")).requireOk();
        }
        lab.pause(Duration.ofMillis(3000), Duration.ofMillis(5000));
        poller.stop();
        lab.report("one_shot_checks", CHECKS);
    }
}
