package gatewatch.features.encode;

/** The Internet checksum (RFC 1071) over big-endian 16-bit words, and the pseudo-header. */
final class Checksums {
    private Checksums() {
    }

    /** Adds the bytes {@code b[off, off+len)} as 16-bit words to {@code acc}; an odd last byte is the high half. */
    static long sum(byte[] b, int off, int len, long acc) {
        int end = off + (len & ~1);
        for (int i = off; i < end; i += 2) {
            acc += ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff);
        }
        if ((len & 1) != 0) {
            acc += (b[end] & 0xff) << 8;
        }
        return acc;
    }

    /**
     * The pseudo-header sum of TCP, UDP and ICMPv6: source and destination address (4 or 16
     * bytes), protocol (next header) and transport length.
     */
    static long pseudoHeader(byte[] src, byte[] dst, int protocol, int length) {
        return sum(src, 0, src.length, 0) + sum(dst, 0, dst.length, 0) + protocol + length;
    }

    /** The one's complement of the folded sum: the value to store in a checksum field. */
    static int finish(long acc) {
        while ((acc >>> 16) != 0) {
            acc = (acc & 0xffff) + (acc >>> 16);
        }
        return (int) (~acc & 0xffff);
    }
}
