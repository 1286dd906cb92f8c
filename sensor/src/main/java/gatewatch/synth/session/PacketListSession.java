package gatewatch.synth.session;

import gatewatch.synth.wire.Packet;
import java.util.List;

/** A short session given whole, such as a DNS query and its response; packets in time order. */
public final class PacketListSession implements Session {
    private final List<Packet> packets;
    private final Tally tally;
    private int index;

    public PacketListSession(Tally tally, List<Packet> packets) {
        this.tally = tally;
        this.packets = List.copyOf(packets);
    }

    @Override
    public long nextTime() {
        return index < packets.size() ? packets.get(index).timeNanos() : Long.MAX_VALUE;
    }

    @Override
    public Packet next() {
        return packets.get(index++);
    }

    @Override
    public Tally tally() {
        return tally;
    }
}
