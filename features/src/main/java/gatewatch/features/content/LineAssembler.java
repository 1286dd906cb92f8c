package gatewatch.features.content;

/**
 * Cuts one direction's text into lines: CR, LF or CRLF ends a line (a telnet client's CR NUL
 * too), backspace and delete erase the previous character as a terminal would, and a line longer
 * than the buffer is truncated. Also judges, from the first bytes, whether the stream is text at all.
 */
final class LineAssembler {
    /** Bytes looked at before deciding the stream is text. */
    static final int SNIFF_BYTES = 256;
    /** More than one byte in this many not text: the stream is binary (encrypted, compressed). */
    private static final int BINARY_ONE_IN = 4;

    interface Lines {
        void line(boolean fromClient, AsciiLine line);
    }

    private final boolean fromClient;
    private final AsciiLine line;
    private Lines target;
    private boolean afterCr;
    private int sniffed;
    private int binary;

    LineAssembler(boolean fromClient, int maxLine) {
        this.fromClient = fromClient;
        this.line = new AsciiLine(maxLine);
    }

    void start(Lines lines) {
        target = lines;
        line.clear();
        afterCr = false;
        sniffed = 0;
        binary = 0;
    }

    /** True once enough of the stream's first bytes were not text. */
    boolean isBinary() {
        return binary * BINARY_ONE_IN > SNIFF_BYTES;
    }

    /** The line so far (no end of line yet): a prompt waiting for input, for example. */
    AsciiLine pending() {
        return line;
    }

    void clearPending() {
        line.clear();
    }

    void data(byte[] b, int off, int len) {
        int i = off;
        int end = off + len;
        while (i < end) {
            if (sniffed < SNIFF_BYTES || afterCr) {
                accept(b[i++]);
                continue;
            }
            // Past the sniff, a run of bytes that end nothing and erase nothing is copied in one
            // go: what accept() would do to each of them, without its branches per byte.
            int j = i;
            while (j < end && plain(b[j])) {
                j++;
            }
            line.append(b, i, j - i);
            if (j < end) {
                accept(b[j++]);
            }
            i = j;
        }
    }

    /** A byte accept() only appends (when not right after a CR). */
    private static boolean plain(byte b) {
        return b != '\r' && b != '\n' && b != 0 && b != 0x08 && b != 0x7f;
    }

    void accept(byte b) {
        if (sniffed < SNIFF_BYTES) {
            sniffed++;
            if (!isText(b)) {
                binary++;
            }
        }
        if (b == '\r' || b == '\n') {
            if (b == '\n' && afterCr) {
                afterCr = false;
                return;
            }
            afterCr = b == '\r';
            emit();
            return;
        }
        if (b == 0 && afterCr) {
            afterCr = false;
            return;
        }
        afterCr = false;
        if (b == 0x08 || b == 0x7f) {
            line.erase();
        } else {
            line.append(b);
        }
    }

    /** Data was lost: the partial line is dropped rather than glued to unrelated bytes. */
    void gap() {
        line.clear();
        afterCr = false;
    }

    /** Emits the pending partial line, if any (end of stream). */
    void flush() {
        if (!line.isEmpty()) {
            emit();
        }
    }

    private void emit() {
        target.line(fromClient, line);
        line.clear();
    }

    private static boolean isText(byte b) {
        int c = b & 0xff;
        return (c >= 0x20 && c < 0x7f) || c == '\r' || c == '\n' || c == '\t'
                || c == 0x08 || c == 0x7f || c == 0x1b || c == 0x07 || c == 0;
    }
}
