package gatewatch.features.conn;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An IP address as the decoder holds it: 128 bits in two longs, IPv4 as {@code ::ffff:a.b.c.d}.
 */
public record IpAddress(long hi, long lo) {
    private static final long V4_MAPPED_MASK = 0xffff_ffff_0000_0000L;
    private static final long V4_MAPPED_PREFIX = 0x0000_ffff_0000_0000L;

    /** The address of {@code a}; IPv4 becomes {@code ::ffff:a.b.c.d}. */
    public static IpAddress of(InetAddress a) {
        byte[] b = a.getAddress();
        if (b.length == 4) {
            long v = ((b[0] & 0xffL) << 24) | ((b[1] & 0xffL) << 16) | ((b[2] & 0xffL) << 8) | (b[3] & 0xffL);
            return new IpAddress(0, V4_MAPPED_PREFIX | v);
        }
        long hi = 0;
        long lo = 0;
        for (int i = 0; i < 8; i++) {
            hi = (hi << 8) | (b[i] & 0xffL);
            lo = (lo << 8) | (b[8 + i] & 0xffL);
        }
        return new IpAddress(hi, lo);
    }

    public boolean isIpv4() {
        return hi == 0 && (lo & V4_MAPPED_MASK) == V4_MAPPED_PREFIX;
    }

    public InetAddress toInetAddress() {
        try {
            if (isIpv4()) {
                int v = (int) lo;
                return InetAddress.getByAddress(new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v});
            }
            byte[] b = new byte[16];
            for (int i = 0; i < 8; i++) {
                b[i] = (byte) (hi >>> (56 - 8 * i));
                b[8 + i] = (byte) (lo >>> (56 - 8 * i));
            }
            return Inet6Address.getByAddress(null, b, null);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a 4- or 16-byte address is always valid", e);
        }
    }

    /**
     * The record's own {@code equals}, written out: the generated one goes through method handles
     * made at first call (ObjectMethods), which run slowly until compiled and cost the compilers
     * dozens of classes; the alert limiter calls it for every alert.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof IpAddress a && a.hi == hi && a.lo == lo;
    }

    /** The value the generated {@code hashCode} gives ({@code 31 * h(hi) + h(lo)}), so hash orders stay as they were. */
    @Override
    public int hashCode() {
        return 31 * Long.hashCode(hi) + Long.hashCode(lo);
    }

    /** Dotted quad for IPv4, RFC 5952 text for IPv6. */
    @Override
    public String toString() {
        if (isIpv4()) {
            int v = (int) lo;
            return (v >>> 24) + "." + ((v >>> 16) & 0xff) + "." + ((v >>> 8) & 0xff) + "." + (v & 0xff);
        }
        return rfc5952(toInetAddress().getHostAddress());
    }

    /** Java prints IPv6 without zero compression; compress the longest run of zero groups. */
    private static String rfc5952(String full) {
        String[] g = full.split(":");
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < g.length; ) {
            if (g[i].equals("0")) {
                int j = i;
                while (j < g.length && g[j].equals("0")) {
                    j++;
                }
                if (j - i > bestLen) {
                    bestStart = i;
                    bestLen = j - i;
                }
                i = j;
            } else {
                i++;
            }
        }
        if (bestLen < 2) {
            return full;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < bestStart; i++) {
            sb.append(i > 0 ? ":" : "").append(g[i]);
        }
        sb.append("::");
        for (int i = bestStart + bestLen; i < g.length; i++) {
            sb.append(i > bestStart + bestLen ? ":" : "").append(g[i]);
        }
        return sb.toString();
    }
}
