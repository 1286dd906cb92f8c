package gatewatch.features.kdd;

/** KDD {@code protocol_type}: the three IP protocols the data knows. */
public enum ProtocolType implements KddSymbol {
    TCP("tcp", 6),
    UDP("udp", 17),
    ICMP("icmp", 1);

    private final String kddName;
    private final int ipProtocol;

    ProtocolType(String kddName, int ipProtocol) {
        this.kddName = kddName;
        this.ipProtocol = ipProtocol;
    }

    @Override
    public String kddName() {
        return kddName;
    }

    /** The IP protocol number (ICMPv6 is recorded as {@link #ICMP}). */
    public int ipProtocol() {
        return ipProtocol;
    }

    /** The protocol of an IP protocol number, or null when KDD has no name for it. */
    public static ProtocolType ofIpProtocol(int protocol) {
        return switch (protocol) {
            case 6 -> TCP;
            case 17 -> UDP;
            case 1, 58 -> ICMP;
            default -> null;
        };
    }

    public static ProtocolType ofKddName(String name) {
        for (ProtocolType p : values()) {
            if (p.kddName.equals(name)) {
                return p;
            }
        }
        return null;
    }
}
