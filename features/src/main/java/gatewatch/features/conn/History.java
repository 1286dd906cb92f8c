package gatewatch.features.conn;

/**
 * Zeek's connection history string: one letter per event, upper case from the originator,
 * lower case from the responder ({@code S} SYN, {@code H} SYN-ACK, {@code A} pure ACK, {@code D}
 * data, {@code F} FIN, {@code R} RST, {@code G} content gap, {@code T} retransmitted payload,
 * {@code W} zero window, {@code I} FIN+RST, {@code Q} SYN with FIN or RST, {@code ^} roles flipped).
 *
 * <p>Bounded to {@link #CAPACITY} letters, packed into two longs: a million open connections in
 * a flood must fit in the heap, and a history longer than that says nothing more.
 */
final class History {
    static final int CAPACITY = 16;
    private long first8;
    private long last8;
    private int length;

    void reset() {
        first8 = 0;
        last8 = 0;
        length = 0;
    }

    void add(char letter, boolean fromOriginator) {
        if (length < CAPACITY) {
            set(length++, (byte) (fromOriginator ? Character.toUpperCase(letter) : Character.toLowerCase(letter)));
        }
    }

    private byte get(int i) {
        long w = i < 8 ? first8 : last8;
        return (byte) (w >>> ((i & 7) * 8));
    }

    private void set(int i, byte c) {
        int shift = (i & 7) * 8;
        long mask = ~(0xffL << shift);
        long bits = (c & 0xffL) << shift;
        if (i < 8) {
            first8 = (first8 & mask) | bits;
        } else {
            last8 = (last8 & mask) | bits;
        }
    }

    /** Swaps the case of every letter (the originator became the responder) and puts {@code ^} first. */
    void flip() {
        int n = Math.min(length + 1, CAPACITY);
        for (int i = n - 1; i >= 1; i--) {
            set(i, swapCase(get(i - 1)));
        }
        set(0, (byte) '^');
        length = n;
    }

    private static byte swapCase(byte c) {
        if (c >= 'a' && c <= 'z') {
            return (byte) (c - 32);
        }
        if (c >= 'A' && c <= 'Z') {
            return (byte) (c + 32);
        }
        return c;
    }

    int length() {
        return length;
    }

    long first8() {
        return first8;
    }

    long last8() {
        return last8;
    }

    char charAt(int i) {
        return (char) get(i);
    }

    /** True when the history matches Zeek's RSTOS0 pattern {@code ^?S[^HAFGIQ]*R.*}. */
    boolean synThenResetWithoutReply() {
        int i = 0;
        if (i < length && get(i) == '^') {
            i++;
        }
        if (i >= length || get(i) != 'S') {
            return false;
        }
        for (i++; i < length; i++) {
            byte c = get(i);
            if (c == 'R') {
                return true;
            }
            if (c == 'H' || c == 'A' || c == 'F' || c == 'G' || c == 'I' || c == 'Q') {
                return false;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = get(i);
        }
        return new String(b, java.nio.charset.StandardCharsets.US_ASCII);
    }
}
