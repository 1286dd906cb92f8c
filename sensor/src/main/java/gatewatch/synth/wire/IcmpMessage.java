package gatewatch.synth.wire;

import gatewatch.features.encode.Frames;
import gatewatch.synth.net.Host;

/** An ICMP echo request (type 8) or reply (type 0) with {@code dataLength} bytes of data after the 8-byte header. */
public record IcmpMessage(long timeNanos, Host src, Host dst, int type, int identifier, int sequence, byte[] data,
                          int dataLength) implements Packet {
    public static final int ECHO_REPLY = 0;
    public static final int ECHO_REQUEST = 8;

    /** Each ICMP message is its own record, as in the KDD data. */
    @Override
    public boolean opensConnection() {
        return true;
    }

    @Override
    public Frames.Packet encoding() {
        return Frames.icmp(src.address(), dst.address(), type, 0).icmpId(identifier).icmpSeq(sequence)
                .payloadView(data, 0, dataLength);
    }

    @Override
    public IcmpMessage at(long time) {
        return new IcmpMessage(time, src, dst, type, identifier, sequence, data, dataLength);
    }
}
