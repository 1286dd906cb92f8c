package gatewatch.sensor.forward;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;

/**
 * The forwarders' counters as meters, read when scraped, so the event loops and the sink thread
 * never call Micrometer:
 * {@code gatewatch.forwarder.sent{forwarder}}, {@code gatewatch.forwarder.buffered{forwarder}},
 * {@code gatewatch.forwarder.failed{forwarder,cause}}, {@code gatewatch.forwarder.truncated{forwarder}},
 * {@code gatewatch.forwarder.possibly_duplicated{forwarder}}, {@code gatewatch.forwarder.resets{forwarder}},
 * {@code gatewatch.forwarder.possibly_lost{forwarder}} and {@code gatewatch.forwarder.connects{forwarder}}.
 */
public final class ForwarderMetrics implements MeterBinder {
    private final List<Forwarder> forwarders;

    public ForwarderMetrics(List<? extends Forwarder> forwarders) {
        this.forwarders = List.copyOf(forwarders);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (Forwarder f : forwarders) {
            ForwarderCounters c = f.counters();
            String name = f.name();
            FunctionCounter.builder("gatewatch.forwarder.sent", c, ForwarderCounters::sent)
                    .description("Alerts handed over: taken by the kernel for the TCP connection (not proof the receiver read "
                            + "them), answered 2xx, or given to the kernel (UDP)").baseUnit("alerts").tag("forwarder", name).register(registry);
            Gauge.builder("gatewatch.forwarder.buffered", c, ForwarderCounters::buffered)
                    .description("Alerts held, not yet handed over").baseUnit("alerts").tag("forwarder", name)
                    .register(registry);
            for (FailureCause cause : FailureCause.values()) {
                FunctionCounter.builder("gatewatch.forwarder.failed", c, x -> x.failed(cause))
                        .description("Alerts not delivered, by cause").baseUnit("alerts")
                        .tags("forwarder", name, "cause", cause.tag()).register(registry);
            }
            FunctionCounter.builder("gatewatch.forwarder.truncated", c, ForwarderCounters::truncated)
                    .description("Syslog datagrams cut to the size limit").baseUnit("alerts").tag("forwarder", name)
                    .register(registry);
            FunctionCounter.builder("gatewatch.forwarder.possibly_duplicated", c, ForwarderCounters::possiblyDuplicated)
                    .description("Alerts sent again (a TCP connection's last alerts after a reconnect, a retried HTTP batch): each may arrive twice")
                    .baseUnit("alerts").tag("forwarder", name).register(registry);
            FunctionCounter.builder("gatewatch.forwarder.resets", c, ForwarderCounters::resets)
                    .description("TCP connections that were reset; alerts the receiver had not read, older than those sent again, were lost")
                    .tag("forwarder", name).register(registry);
            FunctionCounter.builder("gatewatch.forwarder.possibly_lost", c, ForwarderCounters::possiblyLost)
                    .description("Alerts sent on connections that were then reset, older than those sent again: an upper bound of those lost unread")
                    .baseUnit("alerts").tag("forwarder", name).register(registry);
            FunctionCounter.builder("gatewatch.forwarder.connects", c, ForwarderCounters::connects)
                    .description("Connections established").tag("forwarder", name).register(registry);
        }
    }
}
