package gatewatch.features.content;

/**
 * Strips telnet commands from a direction's byte stream (RFC 854: IAC and its commands, RFC 855:
 * option negotiation WILL/WONT/DO/DONT and subnegotiation SB ... IAC SE), passing the data bytes
 * on. IAC IAC is a data byte 255.
 */
final class TelnetFilter {
    static final int IAC = 255;
    static final int SE = 240;
    static final int SB = 250;
    static final int WILL = 251;
    static final int DONT = 254;

    private enum State { DATA, COMMAND, OPTION, SUBNEGOTIATION, SUBNEGOTIATION_IAC }

    private State state = State.DATA;

    void reset() {
        state = State.DATA;
    }

    /** Passes the data bytes of {@code b[off, off+len)} to {@code out}. */
    void filter(byte[] b, int off, int len, LineAssembler out) {
        for (int i = off, end = off + len; i < end; i++) {
            int c = b[i] & 0xff;
            switch (state) {
                case DATA -> {
                    if (c == IAC) {
                        state = State.COMMAND;
                    } else {
                        // The data up to the next IAC goes on in one piece (most of a session).
                        int j = i + 1;
                        while (j < end && b[j] != (byte) IAC) {
                            j++;
                        }
                        out.data(b, i, j - i);
                        i = j - 1;
                    }
                }
                case COMMAND -> {
                    if (c == IAC) {
                        out.accept(b[i]);
                        state = State.DATA;
                    } else if (c == SB) {
                        state = State.SUBNEGOTIATION;
                    } else if (c >= WILL && c <= DONT) {
                        state = State.OPTION;
                    } else {
                        state = State.DATA;
                    }
                }
                case OPTION -> state = State.DATA;
                case SUBNEGOTIATION -> {
                    if (c == IAC) {
                        state = State.SUBNEGOTIATION_IAC;
                    }
                }
                case SUBNEGOTIATION_IAC -> state = c == SE ? State.DATA : State.SUBNEGOTIATION;
            }
        }
    }
}
