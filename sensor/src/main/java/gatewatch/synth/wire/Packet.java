package gatewatch.synth.wire;

import gatewatch.features.encode.Frames;
import gatewatch.synth.net.Host;

/**
 * One IPv4 packet a session sends, before it is framed: the frame encoder adds the Ethernet and
 * IP headers and every checksum. Payloads are views into a session's message bytes, never copies.
 */
public sealed interface Packet permits TcpSegment, UdpDatagram, IcmpMessage {
    /** When the sensor sees the packet, nanoseconds since the epoch. */
    long timeNanos();

    Host src();

    Host dst();

    /** The same packet seen at another time (the scheduler keeps each session in time order). */
    Packet at(long timeNanos);

    /**
     * True for the packet a connection record starts with, {@link #src()} being its originator,
     * as the feature extractor makes records: a TCP SYN, the first datagram of a UDP exchange,
     * every ICMP message. The synthesizer's ground truth has one connection for each.
     */
    boolean opensConnection();

    /**
     * The packet's own fields in the shared frame encoder; {@link PacketFramer} adds what the
     * sending host's stack decides (addresses on the link, TTL, IP identification).
     */
    Frames.Packet encoding();
}
