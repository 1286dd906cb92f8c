package gatewatch.sensor.lab.scenario.attack;

import gatewatch.features.truth.FlowPattern;
import gatewatch.features.truth.Proto;
import gatewatch.features.truth.TruthCategory;
import gatewatch.sensor.lab.net.Topology;
import gatewatch.sensor.lab.scenario.LabRun;
import gatewatch.sensor.lab.scenario.Scenario;
import gatewatch.sensor.lab.scenario.Tool;
import gatewatch.sensor.lab.service.WebServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * masscan's SYN scan of ports {@value #PORTS} of the server at {@value #RATE} packets a second,
 * its port order fixed by {@code --seed} (from the run's seed), from its own client address
 * (masscan has its own TCP stack: the SYN-ACKs get RSTs from masscan and from the client's
 * kernel, both in the probe's connection). One host, many ports: probe/portsweep.
 */
public final class ScanMasscan implements Scenario {
    public static final String PORTS = "1-1000";
    public static final int PORT_COUNT = 1000;
    public static final int RATE = 1000;
    static final int ALIAS = 40;

    @Override
    public String name() {
        return "scan-masscan";
    }

    @Override
    public String summary() {
        return "probe/portsweep: masscan of ports " + PORTS + " on the server at " + RATE + " packets/s, fixed --seed";
    }

    @Override
    public List<Tool> tools() {
        List<Tool> t = new ArrayList<>(WebServer.TOOLS);
        t.add(AttackTools.MASSCAN);
        return t;
    }

    /** masscan's arguments (without the program). */
    static List<String> arguments(String source, String target, long seed, Path list) {
        return List.of("-p" + PORTS, target, "--rate", Integer.toString(RATE), "--seed", Long.toString(seed), "--wait", "2",
                "--adapter", Topology.HOST_IF, "--source-ip", source, "-oL", list.toString());
    }

    @Override
    public void run(LabRun lab) throws Exception {
        WebServer.start(lab);
        String source = lab.net().clientAlias(ALIAS);
        lab.label(FlowPattern.of(Proto.ANY, source, "*").eitherDirection(), TruthCategory.PROBE, "portsweep");
        Path list = lab.workDir().resolve("masscan.txt");
        List<String> c = new ArrayList<>(List.of(lab.path(AttackTools.MASSCAN)));
        c.addAll(arguments(source, lab.net().server(), lab.seed(), list));
        lab.pause(Duration.ofMillis(300), Duration.ofMillis(1000));
        lab.client("masscan", Duration.ofSeconds(60), c).requireOk();
        lab.report("ports_tried", PORT_COUNT);
        lab.report("ports_open", Files.readAllLines(list).stream().filter(l -> l.startsWith("open ")).count());
    }
}
