package gatewatch.sensor.stats;

import gatewatch.detector.model.Category;
import gatewatch.features.decode.DecodeCounters;
import gatewatch.features.decode.MalformedReason;
import gatewatch.sensor.capture.CaptureStats;
import gatewatch.sensor.pipeline.Pipeline;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Reads a pipeline's counters into a {@link StatsSnapshot} from the sink thread. The capture
 * thread's counters are plain longs it alone writes, so a snapshot may lag it by a few frames,
 * as the metrics endpoint does; nothing on the capture path changes for it.
 */
public final class StatsCollector {
    private static final MalformedReason[] REASONS = MalformedReason.values();
    private final Pipeline pipeline;
    private final Supplier<CaptureStats> capture;
    private final LongSupplier wireBytes;

    /**
     * @param capture   the live source's counters ({@link CaptureStats#NONE} for a replay)
     * @param wireBytes bytes of the frames read, or {@code () -> -1} where they are not counted
     */
    public StatsCollector(Pipeline pipeline, Supplier<CaptureStats> capture, LongSupplier wireBytes) {
        this.pipeline = pipeline;
        this.capture = capture;
        this.wireBytes = wireBytes;
    }

    public StatsSnapshot snapshot() {
        DecodeCounters d = pipeline.extractor().decodeCounters();
        Map<String, Long> malformed = new TreeMap<>();
        for (MalformedReason r : REASONS) {
            long n = d.malformed(r);
            if (n != 0) {
                malformed.put(r.counterName(), n);
            }
        }
        Map<Category, Long> alerts = new EnumMap<>(Category.class);
        long suppressed = 0;
        for (Category c : Category.values()) {
            if (c != Category.NORMAL) {
                alerts.put(c, pipeline.sink().alerts(c));
                suppressed += pipeline.sink().suppressed(c);
            }
        }
        CaptureStats cs = capture.get();
        long frames = d.frames();
        return new StatsSnapshot(frames, wireBytes.getAsLong(), Math.max(cs.received(), frames), cs.dropped(),
                cs.interfaceDropped(), pipeline.recordQueue().dropped() + pipeline.verdictQueue().dropped()
                        + pipeline.noticeQueue().dropped(), malformed,
                pipeline.sink().connections(), pipeline.extractor().trackerCounters().evicted(), alerts, suppressed,
                pipeline.sink().siteTypical());
    }
}
