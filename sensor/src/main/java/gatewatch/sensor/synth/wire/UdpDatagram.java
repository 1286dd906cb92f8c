package gatewatch.sensor.synth.wire;

import gatewatch.sensor.synth.net.Host;

/** A UDP datagram carrying {@code data} whole. */
public record UdpDatagram(long timeNanos, Host src, int srcPort, Host dst, int dstPort, byte[] data)
        implements Packet {
    @Override
    public UdpDatagram at(long time) {
        return new UdpDatagram(time, src, srcPort, dst, dstPort, data);
    }
}
