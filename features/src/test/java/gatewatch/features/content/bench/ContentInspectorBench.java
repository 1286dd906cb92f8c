package gatewatch.features.content.bench;

import gatewatch.features.conn.ConnectionTracker;
import gatewatch.features.conn.PayloadObserver;
import gatewatch.features.conn.Timeouts;
import gatewatch.features.conn.TrackerCounters;
import gatewatch.features.content.ContentConfig;
import gatewatch.features.content.ContentInspector;
import gatewatch.features.decode.DecodeCounters;
import gatewatch.features.decode.DecodeStatus;
import gatewatch.features.decode.FrameDecoder;
import gatewatch.features.decode.LinkType;
import gatewatch.features.decode.PacketView;
import gatewatch.features.kdd.KddFeature;
import gatewatch.features.encode.Frames;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The content stage on a telnet-like session: login, then commands typed one key per segment
 * with the server's echo, and output lines. Each operation is one whole session, decoded once up
 * front: the tracker alone (baseline) and tracker + inspector; the difference divided by the
 * session's segments and bytes is the inspector's cost. {@link #main} prints those sizes.
 * See docs/history/features-RESULTS-content.md for the command and the numbers.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ContentInspectorBench {
    static final int SEGMENTS;
    static final long PAYLOAD_BYTES;
    private static final PacketView[] SESSION;

    static {
        List<PacketView> views = new ArrayList<>();
        long[] bytes = new long[1];
        buildSession(views, bytes);
        SESSION = views.toArray(PacketView[]::new);
        SEGMENTS = SESSION.length;
        PAYLOAD_BYTES = bytes[0];
    }

    private ConnectionTracker baseline;
    private ConnectionTracker withContent;
    private ContentInspector inspector;
    private final double[] features = new double[KddFeature.COUNT_OF_FEATURES];

    @Setup(Level.Trial)
    public void setUp() {
        baseline = new ConnectionTracker(1024, Timeouts.ZEEK_DEFAULTS, (c, r) -> { }, new TrackerCounters(),
                PayloadObserver.NONE);
        inspector = new ContentInspector(ContentConfig.defaults());
        withContent = new ConnectionTracker(1024, Timeouts.ZEEK_DEFAULTS, (c, r) -> inspector.finish(c, features),
                new TrackerCounters(), inspector);
    }

    /** One operation = one whole session ({@link #SEGMENTS} segments, {@link #PAYLOAD_BYTES} payload bytes). */
    @Benchmark
    public void trackerOnly() {
        replay(baseline);
    }

    @Benchmark
    public double trackerAndContent() {
        replay(withContent);
        return features[KddFeature.NUM_COMPROMISED.ordinal()];
    }

    /** Prints the session's size (segments, payload bytes), to turn ns/op into ns/segment and ns/byte. */
    public static void main(String[] args) {
        System.out.println("segments=" + SEGMENTS + " payloadBytes=" + PAYLOAD_BYTES);
    }

    private static void replay(ConnectionTracker t) {
        for (PacketView v : SESSION) {
            t.onPacket(v);
        }
        t.flush();
    }

    private static void buildSession(List<PacketView> out, long[] bytes) {
        FrameDecoder decoder = new FrameDecoder(new DecodeCounters());
        String c = "10.0.0.1";
        String s = "10.0.0.2";
        long[] seq = {1000, 5000};
        long[] ts = {1_000_000_000L};
        Adder add = (fromClient, flags, text) -> {
            byte[] payload = text.getBytes(StandardCharsets.ISO_8859_1);
            Frames.Packet p = fromClient
                    ? Frames.tcp(c, 40000, s, 23).seq(seq[0]).ack(seq[1])
                    : Frames.tcp(s, 23, c, 40000).seq(seq[1]).ack(seq[0]);
            byte[] f = p.flags(flags).payload(payload).ethernet();
            PacketView v = new PacketView();
            ts[0] += 1_000_000;
            if (decoder.decode(f, 0, f.length, f.length, LinkType.ETHERNET, ts[0], v) != DecodeStatus.PACKET) {
                throw new IllegalStateException("frame did not decode");
            }
            out.add(v);
            int adv = payload.length + ((flags & (Frames.SYN | Frames.FIN)) != 0 ? 1 : 0);
            seq[fromClient ? 0 : 1] += adv;
            bytes[0] += payload.length;
        };
        int data = Frames.ACK | Frames.PSH;
        add.add(true, Frames.SYN, "");
        add.add(false, Frames.SYN | Frames.ACK, "");
        add.add(true, Frames.ACK, "");
        add.add(false, data, "\r\nOpenBSD/i386 (oof) (ttyp2)\r\n\r\nlogin: ");
        add.add(true, data, "alice\r\n");
        add.add(false, data, "Password:");
        add.add(true, data, "secret\r\n");
        add.add(false, data, "\r\nLast login: Sat Nov 27 20:11:43 on ttyp2 from bam.zing.org\r\n$ ");
        String[] commands = {"ls -la /tmp", "cd /etc", "cat motd", "gcc -o x x.c", "./x", "grep foo bar.txt"};
        for (int i = 0; i < 40; i++) {
            String cmd = commands[i % commands.length] + "\r\n";
            for (char k : cmd.toCharArray()) {
                add.add(true, data, String.valueOf(k));
                add.add(false, data, k == '\r' ? "\r\n" : String.valueOf(k));
            }
            add.add(false, data, "-rw-r--r--  1 alice  wheel  1024 Nov 27 20:11 file" + i + ".txt\r\n"
                    + "sh: frob: not found\r\n$ ");
        }
        add.add(true, Frames.FIN | Frames.ACK, "");
        add.add(false, Frames.FIN | Frames.ACK, "");
    }

    @FunctionalInterface
    private interface Adder {
        void add(boolean fromClient, int flags, String text);
    }
}
