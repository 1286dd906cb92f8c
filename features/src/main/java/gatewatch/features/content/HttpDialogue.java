package gatewatch.features.content;

import gatewatch.features.content.HttpRules.Line;

/**
 * HTTP/1.x requests (RFC 9112). Each request line's target, percent-decoded, is read by
 * {@link HttpRules#REQUEST}. {@code logged_in} is a request having been made: in the KDD data
 * normal http rows with a request (src_bytes > 0) have logged_in = 1 and those without have 0.
 * A 401 or 407 answering a request that carried credentials is a failed login. Responses are
 * matched to requests in order (pipelining), up to 64 outstanding.
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
            } else if (rules.httpLines.matches(line, Line.AUTHORIZATION)) {
                credentials = true;
            }
            return;
        }
        if (!rules.httpLines.matches(line, Line.REQUEST)) {
            return;
        }
        f.add(Effect.LOGGED_IN);
        decoded.set(line);
        decoded.percentDecode();
        RuleMatcher.apply(rules.httpRequest, decoded, f);
        inHeaders = true;
        credentials = false;
    }

    @Override
    void serverLine(AsciiLine line) {
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
