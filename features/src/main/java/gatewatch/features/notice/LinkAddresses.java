package gatewatch.features.notice;

/** Text of the addresses notices carry: MAC addresses in 48 bits of a long, IPv4 addresses in an int. */
public final class LinkAddresses {
    private LinkAddresses() {
    }

    /** {@code aa:bb:cc:dd:ee:ff}. */
    public static String mac(long mac) {
        StringBuilder s = new StringBuilder(17);
        for (int shift = 40; shift >= 0; shift -= 8) {
            int b = (int) (mac >>> shift) & 0xff;
            s.append(Character.forDigit(b >>> 4, 16)).append(Character.forDigit(b & 0xf, 16));
            if (shift > 0) {
                s.append(':');
            }
        }
        return s.toString();
    }

    /** Dotted quad. */
    public static String ipv4(int ip) {
        return (ip >>> 24) + "." + ((ip >>> 16) & 0xff) + "." + ((ip >>> 8) & 0xff) + "." + (ip & 0xff);
    }
}
