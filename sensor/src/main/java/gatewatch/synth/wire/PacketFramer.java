package gatewatch.synth.wire;

import gatewatch.features.encode.Frames;

/**
 * Frames a {@link Packet} with the project's one frame encoder ({@link Frames}, in the features
 * module, shared with the tests), adding what the sending host's stack decides: the MAC
 * addresses on the sensor's segment, the TTL, and the IP identification, taken from the host's
 * counter at the moment the frame is built so that it rises in time order. Frames shorter than
 * Ethernet's minimum are zero-padded as on the wire.
 *
 * <p>Not thread-safe; one per writer, with one reusable buffer.
 */
public final class PacketFramer {
    private final byte[] buf = new byte[Frames.MAX_ETHERNET];

    /** The frame of the last {@link #build}; valid until the next call. */
    public byte[] buffer() {
        return buf;
    }

    /** Writes the frame of {@code p} into {@link #buffer()} and returns its length. */
    public int build(Packet p) {
        return p.encoding().macs(p.src().mac(), p.dst().mac()).ttl(p.src().ttl()).ipId(p.src().takeIpId())
                .padded().writeEthernet(buf);
    }
}
