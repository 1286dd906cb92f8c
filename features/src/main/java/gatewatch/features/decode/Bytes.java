package gatewatch.features.decode;

/**
 * Reads from a frame, big-endian unless named otherwise. Callers have checked the bounds. Public
 * only for {@link #mac48}, which analyzers past the decoder read from payloads too (DHCP's chaddr).
 */
public final class Bytes {
    private Bytes() {
    }

    static int u8(byte[] b, int i) {
        return b[i] & 0xff;
    }

    static int u16(byte[] b, int i) {
        return (b[i] & 0xff) << 8 | (b[i + 1] & 0xff);
    }

    static long u32(byte[] b, int i) {
        return ((long) (b[i] & 0xff) << 24) | (b[i + 1] & 0xff) << 16 | (b[i + 2] & 0xff) << 8 | (b[i + 3] & 0xff);
    }

    static int u16le(byte[] b, int i) {
        return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8;
    }

    static long u32le(byte[] b, int i) {
        return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8 | (b[i + 2] & 0xff) << 16 | ((long) (b[i + 3] & 0xff) << 24);
    }

    static void put16(byte[] b, int i, int value) {
        b[i] = (byte) (value >>> 8);
        b[i + 1] = (byte) value;
    }

    /** A 6-byte MAC address in the low 48 bits of a long. */
    public static long mac48(byte[] b, int i) {
        return ((long) u16(b, i) << 32) | u32(b, i + 2);
    }

    static long u64(byte[] b, int i) {
        return u32(b, i) << 32 | u32(b, i + 4);
    }
}
