package gatewatch.sensor.forward;

import io.netty.channel.EventLoopGroup;

/**
 * What the four forwarders share below the {@link Forwarder} interface: a {@link DeliveryCore} on
 * one event loop of the caller's group, and {@link Forwarder#offer}, {@code counters()} and
 * {@code name()} on top of it. A subclass supplies the transport: {@link #pump()} and close.
 */
abstract class ForwarderBase {
    final DeliveryCore core;
    private final String name;

    ForwarderBase(TargetConfig target, EventLoopGroup group) {
        this.name = target.name();
        this.core = new DeliveryCore(target, group.next(), this::pump);
    }

    /** On the event loop, after alerts were added: write what the transport can take now. */
    abstract void pump();

    public boolean offer(ForwardedAlert alert) {
        return core.offer(alert);
    }

    public ForwarderCounters counters() {
        return core.counters();
    }

    public String name() {
        return name;
    }
}
