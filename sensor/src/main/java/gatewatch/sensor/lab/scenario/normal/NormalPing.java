package gatewatch.sensor.lab.scenario.normal;

import gatewatch.features.truth.FlowPattern;
import gatewatch.features.truth.Proto;
import gatewatch.features.truth.TruthCategory;
import gatewatch.sensor.lab.net.Topology;
import gatewatch.sensor.lab.scenario.Daemon;
import gatewatch.sensor.lab.scenario.LabRun;
import gatewatch.sensor.lab.scenario.Scenario;
import gatewatch.sensor.lab.scenario.Tool;
import gatewatch.sensor.lab.scenario.Tools;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * People checking reachability: ping(8)-like echo requests (56 data bytes, one a second or two
 * a second at most, 3-8 of them) from several client addresses to the server, its aliases and
 * the gateway, a few at once. A Python raw socket sends them (no iputils-ping in the image). All normal.
 */
public final class NormalPing implements Scenario {
    static final int SESSIONS = 14;

    @Override
    public String name() {
        return "normal-ping";
    }

    @Override
    public String summary() {
        return "normal: ping-like ICMP echo at human rates (<= 2/s) to the server, its aliases and the gateway";
    }

    @Override
    public List<Tool> tools() {
        return List.of(Tools.PYTHON);
    }

    @Override
    public void run(LabRun lab) {
        // gatewatch makes each echo reply a record of its own, oriented from the host that answers.
        lab.label(FlowPattern.of(Proto.ICMP, Topology.CLIENT_NET, Topology.LAB_NET).eitherDirection(), TruthCategory.NORMAL, "normal");
        Topology net = lab.net();
        List<String> hosts = List.of(net.server(), net.serverAlias(0), net.serverAlias(1), net.serverAlias(2),
                net.gatewayClientSide(), net.gatewayServerSide());
        List<Daemon> running = new ArrayList<>();
        long requests = 0;
        for (int i = 0; i < SESSIONS; i++) {
            String src = i % 3 == 0 ? net.client() : net.clientAlias(lab.random().nextInt(10));
            String host = hosts.get(lab.random().nextInt(hosts.size()));
            int count = 3 + lab.random().nextInt(6);
            String interval = lab.random().nextInt(4) == 0 ? "0.5" : "1.0";
            requests += count;
            running.add(lab.startClient("ping" + i, LabScripts.python(lab, "icmp_ping.py", src, host, Integer.toString(count),
                    interval, Integer.toString(1000 + lab.random().nextInt(60000)))));
            lab.pause(Duration.ofMillis(300), Duration.ofMillis(2500));
        }
        long replies = 0;
        for (Daemon d : running) {
            d.await(30);
            replies += LabScripts.count(d.output(), "received");
        }
        lab.report("echo_requests", requests);
        lab.report("echo_replies", replies);
    }
}
