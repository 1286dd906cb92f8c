package gatewatch.features.conn;

import gatewatch.features.decode.DecodeCounters;
import gatewatch.features.decode.DecodeStatus;
import gatewatch.features.decode.FrameDecoder;
import gatewatch.features.decode.LinkType;
import gatewatch.features.decode.PacketView;
import gatewatch.features.encode.Frames;
import java.util.ArrayList;
import java.util.List;

/** Feeds frames built in a test through the real decoder into a tracker and keeps its records. */
final class TrackerHarness {
    final List<ConnectionSummary> records = new ArrayList<>();
    final TrackerCounters counters = new TrackerCounters();
    final ConnectionTracker tracker;
    private final FrameDecoder decoder = new FrameDecoder(new DecodeCounters());
    private final PacketView view = new PacketView();

    TrackerHarness() {
        this(1000, Timeouts.ZEEK_DEFAULTS);
    }

    TrackerHarness(int capacity, Timeouts timeouts) {
        tracker = new ConnectionTracker(capacity, timeouts,
                (c, reason) -> records.add(ConnectionSummary.of(c, reason)), counters);
    }

    TrackerHarness at(double seconds, Frames.Packet p) {
        byte[] f = p.ethernet();
        long ts = (long) (seconds * 1e9);
        if (decoder.decode(f, 0, f.length, f.length, LinkType.ETHERNET, ts, view) != DecodeStatus.PACKET) {
            throw new AssertionError("test frame did not decode");
        }
        tracker.onPacket(view);
        return this;
    }

    List<ConnectionSummary> flush() {
        tracker.flush();
        return records;
    }

    ConnectionSummary only() {
        tracker.flush();
        if (records.size() != 1) {
            throw new AssertionError("expected one connection, got " + records);
        }
        return records.getFirst();
    }
}
