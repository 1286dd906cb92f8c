package gatewatch.sensor.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * {@code gatewatch.detector.verdict.latency}: a timer with a percentile histogram (Prometheus
 * {@code _bucket} series), one observation per verdict.
 *
 * <p>The detector scores in batches and cannot time a single verdict, so each verdict of a batch
 * is recorded with the batch's time divided by its size: the timer's count is the number of
 * verdicts and its sum the time spent scoring, and the histogram shows the per-verdict cost. A
 * batch of 256 costs 256 histogram increments, which is small beside scoring 256 rows.
 *
 * <p>{@link #record} is called by the detector thread (Micrometer is thread-safe; only the capture
 * thread must stay clear of it). Before {@link #bindTo} it records nothing.
 */
public final class VerdictMetrics implements MeterBinder, VerdictLatency {
    private volatile Timer timer;

    @Override
    public void bindTo(MeterRegistry registry) {
        if (timer != null) {
            throw new IllegalStateException("verdict latency is already bound to a registry");
        }
        timer = Timer.builder("gatewatch.detector.verdict.latency")
                .description("Scoring time per verdict (a batch's time shared evenly among its verdicts)")
                .publishPercentileHistogram()
                // The buckets cover what scoring one row can plausibly cost, not the default 1 ms..30 s.
                .minimumExpectedValue(Duration.ofNanos(500))
                .maximumExpectedValue(Duration.ofMillis(100))
                .register(registry);
    }

    @Override
    public void record(long nanos, int count) {
        Timer t = timer;
        if (t == null || count <= 0) {
            return;
        }
        long each = Math.max(0, nanos) / count;
        for (int i = 0; i < count; i++) {
            t.record(each, TimeUnit.NANOSECONDS);
        }
    }
}
