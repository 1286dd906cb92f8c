package gatewatch.features.conn;

/**
 * Zeek's connection history string: one letter per event, upper case from the originator,
 * lower case from the responder ({@code S} SYN, {@code H} SYN-ACK, {@code A} pure ACK, {@code D}
 * data, {@code F} FIN, {@code R} RST, {@code G} content gap, {@code T} retransmitted payload,
 * {@code W} zero window, {@code I} FIN+RST, {@code Q} SYN with FIN or RST, {@code ^} roles flipped).
 *
 * <p>Bounded: letters past {@link #CAPACITY} are dropped (a very long history says nothing more).
 */
final class History {
    static final int CAPACITY = 40;
    private final byte[] letters = new byte[CAPACITY];
    private int length;

    void reset() {
        length = 0;
    }

    void add(char letter, boolean fromOriginator) {
        if (length < CAPACITY) {
            letters[length++] = (byte) (fromOriginator ? Character.toUpperCase(letter) : Character.toLowerCase(letter));
        }
    }

    /** Swaps the case of every letter: the originator became the responder. */
    void flip() {
        for (int i = 0; i < length; i++) {
            byte c = letters[i];
            if (c >= 'a' && c <= 'z') {
                letters[i] = (byte) (c - 32);
            } else if (c >= 'A' && c <= 'Z') {
                letters[i] = (byte) (c + 32);
            }
        }
        if (length < CAPACITY) {
            System.arraycopy(letters, 0, letters, 1, length);
            letters[0] = '^';
            length++;
        }
    }

    int length() {
        return length;
    }

    char charAt(int i) {
        return (char) letters[i];
    }

    /** True when the history matches Zeek's RSTOS0 pattern {@code ^?S[^HAFGIQ]*R.*}. */
    boolean synThenResetWithoutReply() {
        int i = 0;
        if (i < length && letters[i] == '^') {
            i++;
        }
        if (i >= length || letters[i] != 'S') {
            return false;
        }
        for (i++; i < length; i++) {
            byte c = letters[i];
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
        return new String(letters, 0, length, java.nio.charset.StandardCharsets.US_ASCII);
    }
}
