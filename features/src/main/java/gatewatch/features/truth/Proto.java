package gatewatch.features.truth;

/** The transport a rule matches: one of the three KDD protocol types, or any. */
public enum Proto {
    ANY("*", -1), TCP("tcp", 6), UDP("udp", 17), ICMP("icmp", 1);

    private final String text;
    private final int ipProtocol;

    Proto(String text, int ipProtocol) {
        this.text = text;
        this.ipProtocol = ipProtocol;
    }

    /** Whether a connection of IP protocol {@code p} matches; ICMPv6 counts as icmp, as KDD's protocol_type does. */
    public boolean matches(int p) {
        return switch (this) {
            case ANY -> true;
            case ICMP -> p == 1 || p == 58;
            default -> p == ipProtocol;
        };
    }

    public static Proto parse(String s) {
        for (Proto p : values()) {
            if (p.text.equals(s)) {
                return p;
            }
        }
        throw new IllegalArgumentException("protocol must be tcp, udp, icmp or *, got '" + s + "'");
    }

    @Override
    public String toString() {
        return text;
    }
}
