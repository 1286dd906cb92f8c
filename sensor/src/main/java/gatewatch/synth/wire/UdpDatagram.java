package gatewatch.synth.wire;

import gatewatch.features.encode.Frames;
import gatewatch.synth.net.Host;

/**
 * A UDP datagram carrying {@code data} whole.
 *
 * @param opensConnection true for the first datagram of its exchange (a query, not its answer):
 *                        sessions use a fresh port for each exchange, so that is where the
 *                        feature extractor starts the record
 */
public record UdpDatagram(long timeNanos, Host src, int srcPort, Host dst, int dstPort, byte[] data,
                          boolean opensConnection) implements Packet {
    @Override
    public Frames.Packet encoding() {
        return Frames.udp(src.address(), srcPort, dst.address(), dstPort).payloadView(data, 0, data.length);
    }

    @Override
    public UdpDatagram at(long time) {
        return new UdpDatagram(time, src, srcPort, dst, dstPort, data, opensConnection);
    }
}
