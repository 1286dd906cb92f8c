package gatewatch.features.content;

import gatewatch.features.content.HttpRules.Line;

/**
 * HTTP/1.x requests (RFC 9112). Each request line's target, percent-decoded, is read by
 * {@link HttpRules#REQUEST}, and each of its header lines by {@link HttpRules#HEADER}.
 * {@code logged_in} is a request having been made: in the KDD data normal http rows with a
 * request (src_bytes > 0) have logged_in = 1 and those without have 0.
 * A 401 or 407 answering a request that carried credentials is a failed login. Responses are
 * matched to requests in order (pipelining), up to 64 outstanding.
 *
 * <p>Responses matter only for requests that carried credentials, so while none is outstanding
 * the server's bytes (bodies of kilobytes, mostly) are not read at all; a line that cannot be a
 * request line is dropped on its first character before any rule runs.
 */
final class HttpDialogue extends Dialogue {
    private static final int MAX_OUTSTANDING = 64;

    private final AsciiLine decoded = new AsciiLine(MAX_LINE);
    private boolean inHeaders;
    private boolean credentials;
    /** Bit i: the i-th outstanding request carried credentials. */
    private long outstandingWithCredentials;
    private int outstanding;

    HttpDialogue(Rules rules) {
        super(rules);
    }

    @Override
    void reset() {
        inHeaders = false;
        credentials = false;
        outstandingWithCredentials = 0;
        outstanding = 0;
    }

    @Override
    void clientLine(AsciiLine line) {
        if (inHeaders) {
            if (line.isEmpty()) {
                inHeaders = false;
                enqueue(credentials);
            } else {
                if (rules.httpLines.matches(line, Line.AUTHORIZATION)) {
                    credentials = true;
                }
                RuleMatcher.apply(rules.httpHeader, line, f);
            }
            return;
        }
        if (line.isEmpty() || !isUpper(line.charAt(0)) || !rules.httpLines.matches(line, Line.REQUEST)) {
            return;
        }
        f.add(Effect.LOGGED_IN);
        decoded.set(line);
        decoded.percentDecode();
        RuleMatcher.apply(rules.httpRequest, decoded, f);
        inHeaders = true;
        credentials = false;
    }

    private static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    @Override
    void serverData(byte[] b, int off, int len) {
        if (outstandingWithCredentials == 0) {
            // Nothing to learn from these responses; their count no longer matters either.
            outstanding = 0;
            return;
        }
        super.serverData(b, off, len);
    }

    @Override
    void serverLine(AsciiLine line) {
        if (line.isEmpty() || line.charAt(0) != 'H') {
            return;
        }
        int m = rules.httpLines.match(line);
        if (!RuleMatcher.has(m, Line.STATUS) || outstanding == 0) {
            return;
        }
        boolean withCredentials = (outstandingWithCredentials & 1) != 0;
        outstandingWithCredentials >>>= 1;
        outstanding--;
        if (withCredentials && RuleMatcher.has(m, Line.AUTH_REJECTED)) {
            f.add(Effect.FAILED_LOGIN);
        }
    }

    private void enqueue(boolean withCredentials) {
        if (outstanding == MAX_OUTSTANDING) {
            return;
        }
        if (withCredentials) {
            outstandingWithCredentials |= 1L << outstanding;
        }
        outstanding++;
    }
}
