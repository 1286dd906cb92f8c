package gatewatch.synth.net;

/** IPv4 addresses as ints, as the frame builder writes them. */
public final class Ipv4 {
    private Ipv4() {
    }

    public static int of(int a, int b, int c, int d) {
        return (a << 24) | (b << 16) | (c << 8) | d;
    }

    public static String format(int address) {
        return (address >>> 24) + "." + ((address >>> 16) & 0xff) + "." + ((address >>> 8) & 0xff) + "." + (address & 0xff);
    }
}
