package gatewatch.features.content;

import gatewatch.features.conn.ConnectionSummary;
import gatewatch.features.conn.ConnectionTracker;
import gatewatch.features.conn.Timeouts;
import gatewatch.features.conn.TrackerCounters;
import gatewatch.features.decode.DecodeCounters;
import gatewatch.features.decode.DecodeStatus;
import gatewatch.features.decode.FrameDecoder;
import gatewatch.features.decode.LinkType;
import gatewatch.features.decode.PacketView;
import gatewatch.features.kdd.KddFeature;
import gatewatch.features.encode.Frames;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Frames built in a test (or read from a capture) through the real decoder and tracker into a
 * {@link ContentInspector}, with the lead's wiring: the tracker's listener calls
 * {@link ContentInspector#finish}.
 */
final class ContentHarness {
    /** One finished connection: its summary and columns 10-22. */
    record Finished(ConnectionSummary conn, double[] v) {
        double get(KddFeature f) {
            return v[f.ordinal()];
        }

        /**
         * The non-zero columns among 10-22 as {@code name=value}, in KDD order ({@code "hot=4 logged_in=1"}),
         * so that an assertion says which field it expects and a failure names the field that differs.
         */
        String content() {
            StringJoiner named = new StringJoiner(" ");
            for (int i = KddFeature.HOT.ordinal(); i <= KddFeature.IS_GUEST_LOGIN.ordinal(); i++) {
                if (v[i] != 0) {
                    named.add(KddFeature.values()[i].kddName() + "=" + (long) v[i]);
                }
            }
            return named.toString();
        }
    }

    final List<Finished> finished = new ArrayList<>();
    final ContentInspector inspector;
    final ConnectionTracker tracker;
    private final FrameDecoder decoder = new FrameDecoder(new DecodeCounters());
    private final PacketView view = new PacketView();
    private double now = 1;

    ContentHarness() {
        this(ContentConfig.defaults(), 1000);
    }

    ContentHarness(ContentConfig config, int capacity) {
        inspector = new ContentInspector(config);
        tracker = new ConnectionTracker(capacity, Timeouts.ZEEK_DEFAULTS, (c, reason) -> {
            double[] v = new double[KddFeature.COUNT_OF_FEATURES];
            inspector.finish(c, v);
            finished.add(new Finished(ConnectionSummary.of(c, reason), v));
        }, new TrackerCounters(), inspector);
    }

    /** Feeds one frame at packet time {@code tsNanos}. */
    void frame(byte[] f, int off, int capLen, int wireLen, int linkType, long tsNanos) {
        if (decoder.decode(f, off, capLen, wireLen, linkType, tsNanos, view) == DecodeStatus.PACKET) {
            tracker.onPacket(view);
        }
    }

    void send(Frames.Packet p) {
        byte[] f = p.ethernet();
        now += 0.001;
        frame(f, 0, f.length, f.length, LinkType.ETHERNET, (long) (now * 1e9));
    }

    List<Finished> flush() {
        tracker.flush();
        return finished;
    }

    Finished only() {
        flush();
        if (finished.size() != 1) {
            throw new AssertionError("expected one connection, got " + finished.size());
        }
        return finished.getFirst();
    }

    /** A TCP conversation between a client and a server port, with its sequence numbers kept. */
    Session session(int serverPort) {
        return new Session(this, "10.0.0.1", 40000 + finished.size() + sessions++, "10.0.0.2", serverPort);
    }

    private int sessions;

    static final class Session {
        private final ContentHarness h;
        private final String client;
        private final int clientPort;
        private final String server;
        private final int serverPort;
        private long clientSeq = 1000;
        private long serverSeq = 5000;

        Session(ContentHarness h, String client, int clientPort, String server, int serverPort) {
            this.h = h;
            this.client = client;
            this.clientPort = clientPort;
            this.server = server;
            this.serverPort = serverPort;
        }

        Session open() {
            h.send(Frames.tcp(client, clientPort, server, serverPort).flags(Frames.SYN).seq(clientSeq++));
            h.send(Frames.tcp(server, serverPort, client, clientPort).flags(Frames.SYN | Frames.ACK)
                    .seq(serverSeq++).ack(clientSeq));
            h.send(Frames.tcp(client, clientPort, server, serverPort).flags(Frames.ACK).seq(clientSeq).ack(serverSeq));
            return this;
        }

        Session client(String text) {
            return client(text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        }

        Session client(byte[] data) {
            h.send(Frames.tcp(client, clientPort, server, serverPort).flags(Frames.ACK | Frames.PSH)
                    .seq(clientSeq).ack(serverSeq).payload(data));
            clientSeq += data.length;
            return this;
        }

        Session server(String text) {
            return server(text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        }

        Session server(byte[] data) {
            h.send(Frames.tcp(server, serverPort, client, clientPort).flags(Frames.ACK | Frames.PSH)
                    .seq(serverSeq).ack(clientSeq).payload(data));
            serverSeq += data.length;
            return this;
        }

        /** A client segment at an explicit offset from the current position (reordering, retransmission). */
        Session clientAt(long relative, String text) {
            h.send(Frames.tcp(client, clientPort, server, serverPort).flags(Frames.ACK | Frames.PSH)
                    .seq(clientSeq + relative).ack(serverSeq).payload(text));
            return this;
        }

        /** Moves the client's position without sending (the bytes were sent out of order). */
        Session advanceClient(long n) {
            clientSeq += n;
            return this;
        }

        Session close() {
            h.send(Frames.tcp(client, clientPort, server, serverPort).flags(Frames.FIN | Frames.ACK)
                    .seq(clientSeq++).ack(serverSeq));
            h.send(Frames.tcp(server, serverPort, client, clientPort).flags(Frames.FIN | Frames.ACK)
                    .seq(serverSeq++).ack(clientSeq));
            h.send(Frames.tcp(client, clientPort, server, serverPort).flags(Frames.ACK).seq(clientSeq).ack(serverSeq));
            return this;
        }
    }
}
