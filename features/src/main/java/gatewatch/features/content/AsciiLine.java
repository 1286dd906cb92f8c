package gatewatch.features.content;

/**
 * A line of protocol text as a {@link CharSequence} over a reused byte array (ISO-8859-1: one
 * byte, one char), so that rules can run regular expressions on it without copying.
 */
final class AsciiLine implements CharSequence {
    private final byte[] bytes;
    private int length;
    private boolean truncated;

    AsciiLine(int capacity) {
        this.bytes = new byte[capacity];
    }

    void clear() {
        length = 0;
        truncated = false;
    }

    /** Appends one byte; past the capacity the line is truncated (and says so). */
    void append(byte b) {
        if (length < bytes.length) {
            bytes[length++] = b;
        } else {
            truncated = true;
        }
    }

    /** Appends {@code len} bytes of {@code src}; what does not fit is dropped and marks the line truncated. */
    void append(byte[] src, int off, int len) {
        int n = Math.min(len, bytes.length - length);
        System.arraycopy(src, off, bytes, length, n);
        length += n;
        if (n < len) {
            truncated = true;
        }
    }

    /** Removes the last character (a backspace or delete typed at a terminal). */
    void erase() {
        if (length > 0) {
            length--;
        }
    }

    /** Replaces the content with {@code len} bytes from {@code src}. */
    void set(byte[] src, int off, int len) {
        int n = Math.min(len, bytes.length);
        System.arraycopy(src, off, bytes, 0, n);
        length = n;
        truncated = n < len;
    }

    /** Copies another line's content. */
    void set(AsciiLine other) {
        set(other.bytes, 0, other.length);
        truncated |= other.truncated;
    }

    @Override
    public boolean isEmpty() {
        return length == 0;
    }

    boolean truncated() {
        return truncated;
    }

    byte byteAt(int i) {
        return bytes[i];
    }

    /** Removes trailing spaces and tabs. */
    void trimEnd() {
        while (length > 0 && (bytes[length - 1] == ' ' || bytes[length - 1] == '\t')) {
            length--;
        }
    }

    /** True when the line starts with {@code prefix}, ignoring ASCII case. */
    boolean startsWithIgnoreCase(String prefix) {
        if (prefix.length() > length) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (lower(bytes[i]) != Character.toLowerCase(prefix.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The three-digit reply code at the start (FTP, SMTP), or -1. */
    int replyCode() {
        if (length < 3) {
            return -1;
        }
        int code = 0;
        for (int i = 0; i < 3; i++) {
            int d = bytes[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            code = code * 10 + d;
        }
        return code;
    }

    /** Index of the first {@code b} at or after {@code from}, or -1. */
    int indexOf(byte b, int from) {
        for (int i = from; i < length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** Decodes %XX escapes in place (a URI), so that rules see what the server will see. */
    void percentDecode() {
        int w = 0;
        for (int r = 0; r < length; r++) {
            byte b = bytes[r];
            if (b == '%' && r + 2 < length) {
                int hi = Character.digit(bytes[r + 1], 16);
                int lo = Character.digit(bytes[r + 2], 16);
                if (hi >= 0 && lo >= 0) {
                    b = (byte) (hi << 4 | lo);
                    r += 2;
                }
            }
            bytes[w++] = b;
        }
        length = w;
    }

    private static char lower(byte b) {
        char c = (char) (b & 0xff);
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public char charAt(int index) {
        return (char) (bytes[index] & 0xff);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        // Rare (regex group extraction only); allocation is acceptable here.
        return toString().substring(start, end);
    }

    @Override
    public String toString() {
        return new String(bytes, 0, length, java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
