package gatewatch.sensor.lab.scenario.normal;

import gatewatch.features.truth.FlowPattern;
import gatewatch.features.truth.Proto;
import gatewatch.features.truth.TruthCategory;
import gatewatch.sensor.lab.CommandResult;
import gatewatch.sensor.lab.net.Topology;
import gatewatch.sensor.lab.scenario.LabRun;
import gatewatch.sensor.lab.scenario.Scenario;
import gatewatch.sensor.lab.scenario.Tool;
import gatewatch.sensor.lab.scenario.Tools;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A P2P client's fan-out (BitTorrent/DHT-like): one client, several source addresses, talks to
 * many peers on high ports of six server addresses, short UDP request/reply exchanges and TCP
 * piece transfers of 16-64 KiB, several at once, on a seeded schedule. Every peer port is open,
 * so no ICMP errors arise. All normal: the many-ports shape that looks like a scan is what KDD's
 * model confuses with portsweep.
 */
public final class NormalP2p implements Scenario {
    static final int PEER_ADDRESSES = 6;
    static final int PORTS_PER_ADDRESS = 12;
    static final int DURATION_SECONDS = 25;

    @Override
    public String name() {
        return "normal-p2p";
    }

    @Override
    public String summary() {
        return "normal: P2P-like fan-out, UDP exchanges and TCP transfers to many high ports on 6 peer addresses";
    }

    @Override
    public List<Tool> tools() {
        return List.of(Tools.PYTHON);
    }

    @Override
    public void run(LabRun lab) {
        String ports = peerPorts(lab.net(), lab.random());
        lab.writeFile("peers.txt", ports);
        String peersFile = lab.workDir().resolve("peers.txt").toString();
        label(lab);
        lab.startServer("p2p-peers", LabScripts.python(lab, "p2p_peer.py", peersFile));
        lab.awaitTcpListener(Integer.parseInt(ports.lines().reduce((a, b) -> b).orElseThrow().split(" ")[1]), Duration.ofSeconds(10));
        List<String> sources = new ArrayList<>(List.of(lab.net().client()));
        for (int i = 0; i < 3; i++) {
            sources.add(lab.net().clientAlias(20 + i));
        }
        CommandResult r = lab.client("p2p-client", Duration.ofSeconds(DURATION_SECONDS + 40), LabScripts.python(lab, "p2p_client.py",
                Long.toString(lab.random().nextLong()), Integer.toString(DURATION_SECONDS), peersFile, String.join(",", sources)))
                .requireOk();
        lab.report("udp_exchanges", LabScripts.count(r.output(), "udp_exchanges"));
        lab.report("tcp_transfers", LabScripts.count(r.output(), "tcp_transfers"));
        lab.report("udp_timeouts", LabScripts.count(r.output(), "udp_timeouts"));
    }

    static void label(LabRun lab) {
        for (Proto p : List.of(Proto.TCP, Proto.UDP)) {
            lab.label(FlowPattern.of(p, Topology.CLIENT_NET, Topology.SERVER_NET), TruthCategory.NORMAL, "normal");
        }
    }

    /** Ports other normal scenarios listen on, which must stay free when they run together in normal-mix. */
    static boolean reserved(int port) {
        return port >= 20000 && port < 20010 || port >= 40000 && port < 40100;
    }

    /** "ADDRESS PORT" lines: the server and five aliases, each with distinct seeded ports in 20000-64999. */
    static String peerPorts(Topology net, RandomGenerator rnd) {
        StringBuilder sb = new StringBuilder();
        for (int a = 0; a < PEER_ADDRESSES; a++) {
            String address = a == 0 ? net.server() : net.serverAlias(a - 1);
            List<Integer> used = new ArrayList<>();
            while (used.size() < PORTS_PER_ADDRESS) {
                int port = rnd.nextInt(20000, 65000);
                if (!used.contains(port) && !reserved(port)) {
                    used.add(port);
                    sb.append(address).append(' ').append(port).append('\n');
                }
            }
        }
        return sb.toString();
    }
}
