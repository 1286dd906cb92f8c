package gatewatch.sensor.synth.session;

import gatewatch.sensor.synth.wire.Packet;

/** Where a conversation puts the packets it makes. */
@FunctionalInterface
public interface PacketSink {
    void add(Packet p);
}
