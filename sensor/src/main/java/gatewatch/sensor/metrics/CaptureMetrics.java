package gatewatch.sensor.metrics;

import gatewatch.sensor.capture.CaptureStats;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The packet source: {@code gatewatch.capture.received}, {@code gatewatch.capture.dropped} and
 * {@code gatewatch.capture.interface.dropped} as libpcap reports them, and, when a
 * {@link FrameBytes} is in front of the extractor, {@code gatewatch.capture.bytes{kind=wire|captured}}.
 *
 * <p>The stats supplier is called once per series per scrape, from the scrape thread
 * ({@code PacketSource.stats()} is callable from any thread).
 */
public final class CaptureMetrics implements MeterBinder {
    private final Supplier<CaptureStats> stats;
    private final FrameBytes bytes;

    /**
     * @param stats e.g. {@code source::stats}
     * @param bytes the byte counter in front of the extractor, or null when there is none
     */
    public CaptureMetrics(Supplier<CaptureStats> stats, FrameBytes bytes) {
        this.stats = Objects.requireNonNull(stats);
        this.bytes = bytes;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Meters.counter("gatewatch.capture.received", stats, s -> s.get().received())
                .description("Frames the kernel passed to the capture (pcap ps_recv), or frames read from a file")
                .baseUnit("frames").register(registry);
        Meters.counter("gatewatch.capture.dropped", stats, s -> s.get().dropped())
                .description("Frames dropped because the capture buffer was full (pcap ps_drop)")
                .baseUnit("frames").register(registry);
        Meters.counter("gatewatch.capture.interface.dropped", stats, s -> s.get().interfaceDropped())
                .description("Frames the interface or its driver dropped (pcap ps_ifdrop)")
                .baseUnit("frames").register(registry);
        if (bytes != null) {
            Meters.counter("gatewatch.capture.bytes", bytes, FrameBytes::wireBytes)
                    .description("Bytes of the frames delivered, on the wire or as captured").baseUnit("bytes")
                    .tag("kind", "wire").register(registry);
            Meters.counter("gatewatch.capture.bytes", bytes, FrameBytes::capturedBytes)
                    .description("Bytes of the frames delivered, on the wire or as captured").baseUnit("bytes")
                    .tag("kind", "captured").register(registry);
        }
    }
}
