package gatewatch.sensor.lab.scenario.normal;

import gatewatch.features.truth.FlowPattern;
import gatewatch.features.truth.Proto;
import gatewatch.features.truth.TruthCategory;
import gatewatch.sensor.lab.LabException;
import gatewatch.sensor.lab.net.Topology;
import gatewatch.sensor.lab.scenario.Daemon;
import gatewatch.sensor.lab.scenario.LabRun;
import gatewatch.sensor.lab.scenario.Scenario;
import gatewatch.sensor.lab.scenario.Tool;
import gatewatch.sensor.lab.scenario.Tools;
import java.time.Duration;
import java.util.List;

/**
 * Two VoIP calls' media: RTP with G.711 frames (50 packets/s of 172-byte payloads) in both
 * directions between fixed even ports, and RTCP sender reports on the odd ports every 5 s. The
 * first call lasts {@link #CALL_SECONDS} s, the second overlaps it. The server side answers: it
 * sends once the client's first packet arrived, so nothing hits a port not yet open. All normal.
 */
public final class NormalRtp implements Scenario {
    static final int CALL_SECONDS = 20;

    @Override
    public String name() {
        return "normal-rtp";
    }

    @Override
    public String summary() {
        return "normal: two RTP calls (G.711, 50 packets/s of 172 bytes each way, RTCP every 5 s)";
    }

    @Override
    public List<Tool> tools() {
        return List.of(Tools.PYTHON);
    }

    @Override
    public void run(LabRun lab) {
        lab.label(FlowPattern.of(Proto.UDP, Topology.CLIENT_NET, Topology.SERVER_NET).eitherDirection(), TruthCategory.NORMAL, "normal");
        Daemon far1 = call(lab, "call1-server", true, lab.net().server(), 20000, lab.net().client(), 16384, CALL_SECONDS);
        lab.pause(Duration.ofMillis(10), Duration.ofMillis(120));
        Daemon near1 = call(lab, "call1-client", false, lab.net().client(), 16384, lab.net().server(), 20000, CALL_SECONDS);
        lab.pause(Duration.ofMillis(1000), Duration.ofMillis(3000));
        Daemon far2 = call(lab, "call2-server", true, lab.net().serverAlias(0), 20002, lab.net().clientAlias(1), 16390, CALL_SECONDS - 6);
        lab.pause(Duration.ofMillis(10), Duration.ofMillis(120));
        Daemon near2 = call(lab, "call2-client", false, lab.net().clientAlias(1), 16390, lab.net().serverAlias(0), 20002, CALL_SECONDS - 6);
        for (Daemon d : List.of(far1, near1, far2, near2)) {
            if (!d.await(CALL_SECONDS + 20)) {
                throw new LabException(d + " still streams after " + (CALL_SECONDS + 20) + " s");
            }
        }
        lab.report("call1_client_rtp_sent", LabScripts.count(near1.output(), "rtp_sent"));
        lab.report("call1_server_rtp_sent", LabScripts.count(far1.output(), "rtp_sent"));
        lab.report("call2_client_rtp_sent", LabScripts.count(near2.output(), "rtp_sent"));
        lab.report("call2_server_rtp_sent", LabScripts.count(far2.output(), "rtp_sent"));
    }

    private static Daemon call(LabRun lab, String name, boolean server, String local, int port, String remote, int remotePort, int seconds) {
        List<String> c = command(lab, local, port, remote, remotePort, seconds, server);
        return server ? lab.startServer(name, c) : lab.startClient(name, c);
    }

    private static List<String> command(LabRun lab, String local, int port, String remote, int remotePort, int seconds, boolean answer) {
        return LabScripts.python(lab, "rtp_stream.py", local, Integer.toString(port), remote, Integer.toString(remotePort),
                Integer.toString(seconds), Long.toString(lab.random().nextLong()), answer ? "1" : "0");
    }
}
