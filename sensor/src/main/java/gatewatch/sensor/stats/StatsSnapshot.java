package gatewatch.sensor.stats;

import gatewatch.detector.model.Category;
import java.util.Map;

/**
 * The sensor's counters at one moment, all totals since the start (Suricata's {@code stats}).
 *
 * @param frames            frames read by the capture thread
 * @param wireBytes         bytes those frames had on the wire (-1 where not counted: a replay)
 * @param received          frames the source reports (live: libpcap's {@code ps_recv}, which includes the
 *                          kernel's drops; a file: frames read)
 * @param kernelDrops       frames the kernel dropped, its buffer full ({@code ps_drop})
 * @param interfaceDrops    frames the interface or driver dropped ({@code ps_ifdrop})
 * @param queueDrops        connection records and verdicts dropped between the stages (live only)
 * @param malformedByReason malformed frames by the decoder's reason (stable counter names), zero ones left out
 * @param connections       connections scored and written
 * @param evicted           connections reported early because the table was full
 * @param alertsByCategory  alert verdicts by category, written or suppressed
 * @param suppressed        alerts counted into {@code alert_suppressed} events instead of written
 * @param siteTypical       attack verdicts the site baseline cleared
 */
public record StatsSnapshot(
        long frames,
        long wireBytes,
        long received,
        long kernelDrops,
        long interfaceDrops,
        long queueDrops,
        Map<String, Long> malformedByReason,
        long connections,
        long evicted,
        Map<Category, Long> alertsByCategory,
        long suppressed,
        long siteTypical) {

    public StatsSnapshot {
        malformedByReason = Map.copyOf(malformedByReason);
        alertsByCategory = Map.copyOf(alertsByCategory);
    }

    public long malformed() {
        return malformedByReason.values().stream().mapToLong(Long::longValue).sum();
    }

    public long alerts() {
        return alertsByCategory.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Frames lost before the sensor saw them (kernel and interface drops). */
    public long captureDrops() {
        return kernelDrops + interfaceDrops;
    }
}
