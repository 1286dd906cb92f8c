package gatewatch.sensor.metrics;

import gatewatch.features.decode.DecodeCounters;
import gatewatch.features.decode.MalformedReason;
import gatewatch.features.decode.SkipReason;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Objects;

/**
 * The decoder's counters: {@code gatewatch.decoder.frames}, {@code gatewatch.decoder.packets},
 * {@code gatewatch.decoder.malformed{reason}} (one series per {@link MalformedReason}, zeros
 * included, so a rate query never meets a missing series) and {@code gatewatch.decoder.skipped{reason}}.
 */
public final class DecoderMetrics implements MeterBinder {
    private final DecodeCounters counters;

    public DecoderMetrics(DecodeCounters counters) {
        this.counters = Objects.requireNonNull(counters);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Meters.counter("gatewatch.decoder.frames", counters, DecodeCounters::frames)
                .description("Frames handed to the decoder").baseUnit("frames").register(registry);
        Meters.counter("gatewatch.decoder.packets", counters, DecodeCounters::packets)
                .description("Frames decoded to a TCP, UDP or ICMP packet the tracker follows")
                .baseUnit("packets").register(registry);
        for (MalformedReason reason : MalformedReason.values()) {
            Meters.counter("gatewatch.decoder.malformed", counters, c -> c.malformed(reason))
                    .description("Frames counted as malformed and skipped, by reason").baseUnit("frames")
                    .tag("reason", reason.counterName()).register(registry);
        }
        for (SkipReason reason : SkipReason.values()) {
            Meters.counter("gatewatch.decoder.skipped", counters, c -> c.skipped(reason))
                    .description("Well-formed frames not tracked, by kind").baseUnit("frames")
                    .tag("reason", reason.counterName()).register(registry);
        }
    }
}
