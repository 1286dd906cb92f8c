package gatewatch.features.content;

/**
 * The NUL-terminated strings that open an rlogin, rsh or rexec connection (RFC 1282; rshd(8),
 * rexecd(8)): collects a fixed number of them from the client's first bytes.
 */
final class NulFields {
    private static final int MAX_FIELD = 256;

    private final AsciiLine[] fields;
    private int current;

    NulFields(int count) {
        fields = new AsciiLine[count];
        for (int i = 0; i < count; i++) {
            fields[i] = new AsciiLine(MAX_FIELD);
        }
    }

    void reset() {
        current = 0;
        for (AsciiLine f : fields) {
            f.clear();
        }
    }

    boolean done() {
        return current == fields.length;
    }

    /** Takes bytes until every field is complete; returns how many bytes it used. */
    int accept(byte[] b, int off, int len) {
        int i = 0;
        while (i < len && !done()) {
            byte c = b[off + i++];
            if (c == 0) {
                current++;
            } else {
                fields[current].append(c);
            }
        }
        return i;
    }

    AsciiLine field(int i) {
        return fields[i];
    }
}
