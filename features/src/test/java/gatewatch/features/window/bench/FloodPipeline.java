package gatewatch.features.window.bench;

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
import gatewatch.features.extract.RecordSink;
import gatewatch.features.kdd.KddFeature;
import gatewatch.features.kdd.KddRecord;
import gatewatch.features.encode.Frames;
import gatewatch.features.window.TrafficWindows;
import gatewatch.features.window.WindowConfig;
import java.time.Duration;
import java.util.SplittableRandom;

/**
 * A spoofed SYN flood through decoder → tracker → (window stage), shared by the pipeline
 * benchmarks: 2^18 SYN frames from random sources to random ports of one host, 25 µs apart
 * (40,000/s), so a 5-tuple comes back after 6.5 s, once its attempt has expired.
 */
final class FloodPipeline {
    static final int FRAMES = 1 << 18;
    private static final long GAP_NANOS = 25_000;

    private final byte[][] frames = new byte[FRAMES][];
    private final FrameDecoder decoder = new FrameDecoder(new DecodeCounters());
    private final PacketView view = new PacketView();
    private final ConnectionTracker tracker;
    private final TrafficWindows stage;
    private long ts = 1_000_000_000_000L;
    private int next;

    /**
     * @param windows "none" for no window stage (the record is made from features 1–22), else
     *                the reorder hold in seconds
     */
    FloodPipeline(String windows, RecordSink sink) {
        SplittableRandom rnd = new SplittableRandom(1);
        for (int i = 0; i < FRAMES; i++) {
            String src = "198.51." + rnd.nextInt(256) + "." + (1 + rnd.nextInt(254));
            frames[i] = Frames.tcp(src, 1024 + rnd.nextInt(60000), "10.0.0.2", 1024 + rnd.nextInt(60000))
                    .flags(Frames.SYN).seq(rnd.nextInt()).ethernet();
        }
        stage = "none".equals(windows) ? null : new TrafficWindows(WindowConfig.defaults()
                .withReorder(Duration.ofSeconds(Integer.parseInt(windows)), WindowConfig.DEFAULT_REORDER_CAPACITY), sink);
        tracker = new ConnectionTracker(1_000_000, Timeouts.ZEEK_DEFAULTS, (c, reason) -> {
            ConnectionSummary s = ConnectionSummary.of(c, reason);
            double[] v = new double[KddFeature.COUNT_OF_FEATURES];
            BasicFeatures.fill(s, v);
            if (stage != null) {
                stage.accept(s, v);
            } else {
                sink.accept(new ConnectionRecord(s, KddRecord.of(v)));
            }
        }, new TrackerCounters());
    }

    /** The next frame of the flood, 25 µs after the last. */
    void frame() {
        byte[] f = frames[next];
        next = (next + 1) & (FRAMES - 1);
        ts += GAP_NANOS;
        if (decoder.decode(f, 0, f.length, f.length, LinkType.ETHERNET, ts, view) == DecodeStatus.PACKET) {
            tracker.onPacket(view);
            if (stage != null) {
                stage.advanceTime(ts);
            }
        }
    }
}
