package gatewatch.synth.session;

import gatewatch.synth.wire.Packet;

/** Where a conversation puts the packets it makes. */
@FunctionalInterface
public interface PacketSink {
    void add(Packet p);
}
