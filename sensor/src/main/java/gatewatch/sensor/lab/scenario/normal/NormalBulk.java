package gatewatch.sensor.lab.scenario.normal;

import gatewatch.features.truth.FlowPattern;
import gatewatch.features.truth.Proto;
import gatewatch.features.truth.TruthCategory;
import gatewatch.sensor.lab.net.Topology;
import gatewatch.sensor.lab.scenario.LabRun;
import gatewatch.sensor.lab.scenario.Scenario;
import gatewatch.sensor.lab.scenario.Tool;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Bulk transfers at modest rates with iperf3: TCP uploads and downloads (-R) at 2-4 Mbit/s,
 * UDP at 1 Mbit/s, each a few seconds; every test is a control connection on 5201 plus its
 * data stream. All normal.
 */
public final class NormalBulk implements Scenario {
    static final Tool IPERF3 = Tool.of("iperf3", "iperf3", "--version");
    static final int PORT = 5201;

    @Override
    public String name() {
        return "normal-bulk";
    }

    @Override
    public String summary() {
        return "normal: iperf3 TCP up/down at 2-4 Mbit/s and UDP at 1 Mbit/s, a few seconds each";
    }

    @Override
    public List<Tool> tools() {
        return List.of(IPERF3);
    }

    /** Each test: protocol (tcp/udp), reverse, bitrate, seconds. */
    static final List<String[]> TESTS = List.of(
            new String[] {"tcp", "0", "4M", "4"},
            new String[] {"udp", "0", "1M", "3"},
            new String[] {"tcp", "1", "3M", "4"},
            new String[] {"udp", "1", "1M", "3"},
            new String[] {"tcp", "0", "2M", "3"});

    @Override
    public void run(LabRun lab) {
        lab.startServer("iperf3", List.of(lab.path(IPERF3), "-s", "-B", lab.net().server(), "-p", Integer.toString(PORT)));
        lab.awaitTcpListener(PORT, Duration.ofSeconds(10));
        for (Proto p : List.of(Proto.TCP, Proto.UDP)) {
            lab.label(FlowPattern.of(p, Topology.CLIENT_NET, lab.net().server()).toPort(PORT), TruthCategory.NORMAL, "normal");
        }
        for (int i = 0; i < TESTS.size(); i++) {
            String[] t = TESTS.get(i);
            String source = i % 2 == 0 ? lab.net().client() : lab.net().clientAlias(30 + i);
            lab.client("iperf3-" + i, Duration.ofSeconds(30), command(lab.path(IPERF3), source, lab.net().server(), t))
                    .requireOk();
            lab.pause(Duration.ofMillis(1000), Duration.ofMillis(4000));
        }
        lab.report("tests", TESTS.size());
    }

    static List<String> command(String iperf3, String source, String server, String[] test) {
        List<String> c = new ArrayList<>(List.of(iperf3, "-c", server, "-B", source, "-p", Integer.toString(PORT),
                "-b", test[2], "-t", test[3]));
        if (test[0].equals("udp")) {
            c.add("-u");
        }
        if (test[1].equals("1")) {
            c.add("-R");
        }
        return c;
    }
}
