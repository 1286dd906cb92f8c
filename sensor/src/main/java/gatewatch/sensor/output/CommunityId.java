package gatewatch.sensor.output;

import gatewatch.features.conn.ConnectionSummary;
import gatewatch.features.conn.IpAddress;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The Community ID v1 of a connection (corelight/community-id-spec), the flow hash that Zeek,
 * Suricata, Wireshark and Elastic write, so that a gatewatch alert can be joined to their logs by
 * one string: {@code "1:" + base64(sha1(seed . saddr . daddr . proto . 0 . sport . dport))}, all
 * in network byte order, with the endpoints ordered so that the smaller address (then port) comes
 * first. ICMP and ICMPv6 use the type as source port and, for request/reply pairs, the paired
 * type as destination port (else the code, and the order is kept, as Zeek does).
 *
 * <p>Computed on the sink thread, not per packet. One instance per thread (it reuses its digest
 * and buffer).
 */
public final class CommunityId {
    private static final int ICMP = 1;
    private static final int ICMPV6 = 58;
    private final MessageDigest sha1;
    private final byte[] input = new byte[2 + 16 + 16 + 2 + 2 + 2];
    private final int seed;

    /** The default seed 0, as every monitor uses unless configured otherwise. */
    public CommunityId() {
        this(0);
    }

    public CommunityId(int seed) {
        if (seed < 0 || seed > 0xffff) {
            throw new IllegalArgumentException("the seed is 16 bits, got " + seed);
        }
        this.seed = seed;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }

    public String of(ConnectionSummary c) {
        int proto = c.ipProtocol();
        int sport = c.origPort();
        int dport = c.respPort();
        boolean oneWay = false;
        if (proto == ICMP || proto == ICMPV6) {
            int paired = proto == ICMP ? icmpPair(c.icmpType()) : icmpv6Pair(c.icmpType());
            sport = c.icmpType();
            oneWay = paired < 0;
            dport = oneWay ? c.icmpCode() : paired;
        }
        return of(c.origAddress(), c.respAddress(), proto, sport, dport, oneWay);
    }

    /** The ID of a 5-tuple; {@code oneWay} keeps the given order (ICMP messages without a reply type). */
    public String of(IpAddress src, IpAddress dst, int proto, int sport, int dport, boolean oneWay) {
        boolean v4 = src.isIpv4() && dst.isIpv4();
        boolean ordered = oneWay || less(src, dst) || (src.equals(dst) && sport < dport);
        IpAddress first = ordered ? src : dst;
        IpAddress second = ordered ? dst : src;
        int n = 0;
        n = put16(seed, n);
        n = putAddress(first, v4, n);
        n = putAddress(second, v4, n);
        input[n++] = (byte) proto;
        input[n++] = 0;
        n = put16(ordered ? sport : dport, n);
        n = put16(ordered ? dport : sport, n);
        sha1.reset();
        sha1.update(input, 0, n);
        return "1:" + Base64.getEncoder().encodeToString(sha1.digest());
    }

    /** Network byte order compares as unsigned big-endian numbers; an IPv4 address's mapped prefix is common to both. */
    private static boolean less(IpAddress a, IpAddress b) {
        int hi = Long.compareUnsigned(a.hi(), b.hi());
        return hi < 0 || (hi == 0 && Long.compareUnsigned(a.lo(), b.lo()) < 0);
    }

    private int putAddress(IpAddress a, boolean v4, int n) {
        if (v4) {
            return put32((int) a.lo(), n);
        }
        n = put32((int) (a.hi() >>> 32), n);
        n = put32((int) a.hi(), n);
        n = put32((int) (a.lo() >>> 32), n);
        return put32((int) a.lo(), n);
    }

    private int put32(int v, int n) {
        input[n] = (byte) (v >>> 24);
        input[n + 1] = (byte) (v >>> 16);
        input[n + 2] = (byte) (v >>> 8);
        input[n + 3] = (byte) v;
        return n + 4;
    }

    private int put16(int v, int n) {
        input[n] = (byte) (v >>> 8);
        input[n + 1] = (byte) v;
        return n + 2;
    }

    /** Zeek's ICMPv4 request/reply pairs (echo, router, timestamp, information, address mask), or -1. */
    static int icmpPair(int type) {
        return switch (type) {
            case 8 -> 0;
            case 0 -> 8;
            case 9 -> 10;
            case 10 -> 9;
            case 13 -> 14;
            case 14 -> 13;
            case 15 -> 16;
            case 16 -> 15;
            case 17 -> 18;
            case 18 -> 17;
            default -> -1;
        };
    }

    /** Zeek's ICMPv6 pairs (echo, multicast listener, router and neighbour discovery, who-are-you, home agent), or -1. */
    static int icmpv6Pair(int type) {
        return switch (type) {
            case 128 -> 129;
            case 129 -> 128;
            case 130 -> 131;
            case 131 -> 130;
            case 133 -> 134;
            case 134 -> 133;
            case 135 -> 136;
            case 136 -> 135;
            case 139 -> 140;
            case 140 -> 139;
            case 144 -> 145;
            case 145 -> 144;
            default -> -1;
        };
    }
}
