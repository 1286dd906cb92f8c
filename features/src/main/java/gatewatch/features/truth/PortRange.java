package gatewatch.features.truth;

/**
 * A port, an inclusive range {@code a-b}, or any ({@code *}). For ICMP, gatewatch reports the
 * type as the originator's port and the code as the responder's, as Zeek does.
 */
public record PortRange(int low, int high) {
    public static final PortRange ANY = new PortRange(0, 65535);

    public PortRange {
        if (low < 0 || high > 65535 || low > high) {
            throw new IllegalArgumentException("port range must lie in 0-65535 with low <= high, got " + low + "-" + high);
        }
    }

    public static PortRange of(int port) {
        return new PortRange(port, port);
    }

    public boolean matches(int port) {
        return port >= low && port <= high;
    }

    /** Parses {@code *}, {@code 21} or {@code 1-1024}. */
    public static PortRange parse(String s) {
        if (s.equals("*")) {
            return ANY;
        }
        int dash = s.indexOf('-');
        try {
            return dash < 0 ? of(Integer.parseInt(s))
                    : new PortRange(Integer.parseInt(s.substring(0, dash)), Integer.parseInt(s.substring(dash + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("port must be a number, a range a-b or *, got '" + s + "'");
        }
    }

    @Override
    public String toString() {
        if (equals(ANY)) {
            return "*";
        }
        return low == high ? Integer.toString(low) : low + "-" + high;
    }
}
