package gatewatch.features.content;

/**
 * One direction of an SSH connection up to its first encrypted byte (RFC 4253): the identification
 * line ("SSH-2.0-..."), then binary packets whose lengths are clear text until NEWKEYS. It reads
 * only the framing (length, padding length, message code), never the contents; what follows the
 * NEWKEYS packet is encrypted, and only its sizes are reported.
 *
 * <p>A server may send other text lines before its identification (RFC 4253 section 4.2); a client
 * may not. Anything that does not frame as SSH marks the direction {@link State#BROKEN}.
 */
final class SshTransport {
    enum State {
        /** Reading the identification line (or a server's lines before it). */
        VERSION,
        /** Clear-text binary packets of the first key exchange. */
        PACKETS,
        /** Past NEWKEYS: only sizes from here on. */
        ENCRYPTED,
        /** SSH-1 (no NEWKEYS; the size rules are for SSH-2): nothing more is read. */
        SSH1,
        /** Not SSH: bad identification or framing. */
        BROKEN
    }

    /** RFC 4253 4.2: the identification line is at most 255 characters with its CR LF. */
    static final int MAX_VERSION_LINE = 255;
    /** Bound on what a server may write before its identification. */
    static final int MAX_PREAMBLE = 1024;
    /** Largest clear-text packet accepted (OpenSSH's own limit is 256 KiB). */
    static final int MAX_PACKET = 256 * 1024;
    static final int MSG_NEWKEYS = 21;
    /** Length (4), padding length (1), message code (1). */
    private static final int HEADER = 6;
    private static final byte[] SSH2 = {'S', 'S', 'H', '-', '2', '.', '0', '-'};
    private static final byte[] SSH199 = {'S', 'S', 'H', '-', '1', '.', '9', '9', '-'};

    private final boolean client;
    private State state;
    private final byte[] prefix = new byte[SSH199.length];
    private int lineLength;
    private int preamble;
    private final byte[] header = new byte[HEADER];
    private int headerHave;
    /** Bytes of the current packet still to skip after its header. */
    private long bodyLeft;
    private int code;

    SshTransport(boolean client) {
        this.client = client;
    }

    void start() {
        state = State.VERSION;
        lineLength = 0;
        preamble = 0;
        headerHave = 0;
        bodyLeft = 0;
    }

    State state() {
        return state;
    }

    /** Bytes came, but no identification line: a stream cut short before it said it was SSH. */
    boolean identificationIncomplete() {
        return state == State.VERSION && (lineLength > 0 || preamble > 0);
    }

    /**
     * The next bytes of this direction, in order. Returns how many of them, at their end, are
     * encrypted (0 while the clear-text part lasts; all of them once it is over).
     */
    int data(byte[] b, int off, int len) {
        int end = off + len;
        int i = off;
        while (i < end) {
            switch (state) {
                case VERSION -> i = version(b, i, end);
                case PACKETS -> i = packet(b, i, end);
                case ENCRYPTED -> {
                    return end - i;
                }
                case SSH1, BROKEN -> {
                    return 0;
                }
            }
        }
        return 0;
    }

    private int version(byte[] b, int i, int end) {
        while (i < end) {
            byte c = b[i++];
            if (c == '\n') {
                endOfLine();
                return i;
            }
            if (lineLength < prefix.length) {
                prefix[lineLength] = c;
            }
            lineLength++;
            if (lineLength == 4 && client && !startsWith(SSH2, 4)) {
                state = State.BROKEN;
                return i;
            }
            boolean tooLong = lineLength > MAX_VERSION_LINE && (client || startsWith(SSH2, 4));
            if (tooLong || preamble + lineLength > MAX_PREAMBLE) {
                state = State.BROKEN;
                return i;
            }
        }
        return i;
    }

    private void endOfLine() {
        int seen = lineLength;
        lineLength = 0;
        if (seen >= SSH2.length && startsWith(SSH2, SSH2.length)
                || seen >= SSH199.length && startsWith(SSH199, SSH199.length)) {
            state = State.PACKETS;
        } else if (seen >= 4 && startsWith(SSH2, 4)) {
            // "SSH-1.5-": the older protocol, whose authentication these rules do not read.
            state = State.SSH1;
        } else if (client) {
            state = State.BROKEN;
        } else {
            preamble += seen + 1;
        }
    }

    private boolean startsWith(byte[] expected, int n) {
        for (int k = 0; k < n; k++) {
            if (prefix[k] != expected[k]) {
                return false;
            }
        }
        return true;
    }

    private int packet(byte[] b, int i, int end) {
        if (headerHave < HEADER) {
            int n = Math.min(HEADER - headerHave, end - i);
            System.arraycopy(b, i, header, headerHave, n);
            headerHave += n;
            i += n;
            if (headerHave < HEADER) {
                return i;
            }
            long length = ((header[0] & 0xffL) << 24) | ((header[1] & 0xff) << 16) | ((header[2] & 0xff) << 8)
                    | (header[3] & 0xff);
            int padding = header[4] & 0xff;
            // RFC 4253 6: at least 4 bytes of padding and one of payload.
            if (length < HEADER || length > MAX_PACKET || padding < 4 || padding > length - 2) {
                state = State.BROKEN;
                return end;
            }
            code = header[5] & 0xff;
            bodyLeft = length + 4 - HEADER;
        }
        int n = (int) Math.min(bodyLeft, end - i);
        bodyLeft -= n;
        i += n;
        if (bodyLeft == 0) {
            headerHave = 0;
            if (code == MSG_NEWKEYS) {
                state = State.ENCRYPTED;
            }
        }
        return i;
    }
}
