package gatewatch.features.window;

import gatewatch.features.conn.ConnectionSummary;
import gatewatch.features.conn.ConnectionTracker;
import gatewatch.features.conn.Timeouts;
import gatewatch.features.conn.TrackerCounters;
import gatewatch.features.decode.DecodeCounters;
import gatewatch.features.decode.DecodeStatus;
import gatewatch.features.decode.FrameDecoder;
import gatewatch.features.decode.LinkType;
import gatewatch.features.decode.PacketView;
import gatewatch.features.extract.BasicFeatures;
import gatewatch.features.extract.ConnectionRecord;
import gatewatch.features.kdd.KddFeature;
import gatewatch.features.encode.Frames;
import java.util.ArrayList;
import java.util.List;

/**
 * Frames built in a test through the real decoder and tracker into the window stage, wired the
 * way the extractor is meant to wire it: every finished connection goes to the stage, and the
 * stage's clock follows packet time.
 */
final class PipelineHarness {
    final List<ConnectionRecord> records = new ArrayList<>();
    private final FrameDecoder decoder = new FrameDecoder(new DecodeCounters());
    private final PacketView view = new PacketView();
    private final TrafficWindows windows;
    private final ConnectionTracker tracker;

    PipelineHarness(WindowConfig config) {
        windows = new TrafficWindows(config, records::add);
        tracker = new ConnectionTracker(100_000, Timeouts.ZEEK_DEFAULTS, (c, reason) -> {
            ConnectionSummary s = ConnectionSummary.of(c, reason);
            double[] v = new double[KddFeature.COUNT_OF_FEATURES];
            BasicFeatures.fill(s, v);
            windows.accept(s, v);
        }, new TrackerCounters());
    }

    PipelineHarness at(double seconds, Frames.Packet p) {
        byte[] f = p.ethernet();
        long ts = Math.round(seconds * 1e9);
        if (decoder.decode(f, 0, f.length, f.length, LinkType.ETHERNET, ts, view) != DecodeStatus.PACKET) {
            throw new AssertionError("test frame did not decode");
        }
        tracker.onPacket(view);
        windows.advanceTime(ts);
        return this;
    }

    /** End of input: every open connection, then every waiting record. */
    List<ConnectionRecord> finish() {
        tracker.flush();
        windows.flush();
        return records;
    }

    TrafficWindows windows() {
        return windows;
    }
}
