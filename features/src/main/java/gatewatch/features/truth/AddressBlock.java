package gatewatch.features.truth;

import gatewatch.features.conn.IpAddress;
import java.net.Inet4Address;
import java.net.InetAddress;

/**
 * An address, a CIDR block, or any ({@code *}), held as gatewatch holds addresses: 128 bits,
 * IPv4 as {@code ::ffff:a.b.c.d}, so an IPv4 /n is a /(96+n) of that space.
 *
 * @param network  the block's first address
 * @param bits     prefix length in the 128-bit space (0 matches everything)
 * @param text     how the block was written, for printing it back
 */
public record AddressBlock(IpAddress network, int bits, String text) {
    public static final AddressBlock ANY = new AddressBlock(new IpAddress(0, 0), 0, "*");

    public boolean matches(IpAddress a) {
        if (bits == 0) {
            return true;
        }
        long hiMask = bits >= 64 ? -1L : -1L << (64 - bits);
        long loMask = bits <= 64 ? 0 : bits >= 128 ? -1L : -1L << (128 - bits);
        return (a.hi() & hiMask) == network.hi() && (a.lo() & loMask) == network.lo();
    }

    /** Parses {@code *}, an IPv4 or IPv6 literal, or a literal with {@code /prefix}; never a host name. */
    public static AddressBlock parse(String s) {
        if (s.equals("*")) {
            return ANY;
        }
        int slash = s.indexOf('/');
        String literal = slash < 0 ? s : s.substring(0, slash);
        InetAddress a;
        try {
            a = InetAddress.ofLiteral(literal);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("address must be an IPv4 or IPv6 literal, a CIDR block or *, got '" + s + "'");
        }
        boolean v4 = a instanceof Inet4Address;
        int max = v4 ? 32 : 128;
        int prefix = max;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(s.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > max) {
                throw new IllegalArgumentException("prefix length must be 0-" + max + ", got '" + s + "'");
            }
        }
        int bits = v4 ? 96 + prefix : prefix;
        IpAddress full = IpAddress.of(a);
        long hiMask = bits >= 64 ? -1L : bits == 0 ? 0 : -1L << (64 - bits);
        long loMask = bits <= 64 ? 0 : bits >= 128 ? -1L : -1L << (128 - bits);
        if (v4 && prefix == 0) {
            // 0.0.0.0/0 means every IPv4 address, not every address.
            bits = 96;
            hiMask = -1L;
            loMask = 0xffff_ffff_0000_0000L;
        }
        return new AddressBlock(new IpAddress(full.hi() & hiMask, full.lo() & loMask), bits, s);
    }

    @Override
    public String toString() {
        return text;
    }
}
