package gatewatch.features.decode;

/**
 * A decoded ARP packet over Ethernet carrying IPv4 addresses (RFC 826: hardware type 1, protocol
 * type 0x0800), re-pointed for every frame like {@link PacketView}. MAC addresses are held in the
 * low 48 bits of a long, IPv4 addresses as an int, both in network order.
 *
 * <p>Written only by {@link FrameDecoder}, on the capture thread; valid until the next decode.
 */
public final class ArpView {
    public static final int OP_REQUEST = 1;
    public static final int OP_REPLY = 2;

    int op;
    long senderMac;
    int senderIp;
    long targetMac;
    int targetIp;
    long tsNanos;

    /** The operation: {@link #OP_REQUEST}, {@link #OP_REPLY}, or another value RFC 826 extensions use. */
    public int op() {
        return op;
    }

    public long senderMac() {
        return senderMac;
    }

    public int senderIp() {
        return senderIp;
    }

    public long targetMac() {
        return targetMac;
    }

    public int targetIp() {
        return targetIp;
    }

    public long tsNanos() {
        return tsNanos;
    }

    /** A gratuitous ARP: the sender announces its own address (sender and target address equal). */
    public boolean gratuitous() {
        return senderIp == targetIp;
    }
}
