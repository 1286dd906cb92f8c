package gatewatch.features.content;

/**
 * Authentication outcomes of an SSH-2 connection inferred from the sizes of its encrypted
 * messages, after Zeek's SSH analyzer ({@code ProcessEncrypted} in
 * {@code src/analyzer/protocol/ssh/SSH.cc}); see docs/FEATURES.md.
 *
 * <p>Each call is one delivery of encrypted bytes (in practice one TCP segment, which during
 * authentication carries one message). Authentication is a strict request/answer exchange, and
 * the server's answers have sizes the protocol fixes:
 * <ul>
 *   <li>its first encrypted answer is SERVICE_ACCEPT "ssh-userauth" (17 bytes of payload);</li>
 *   <li>USERAUTH_SUCCESS is 1 byte of payload. With the minimum padding of 4 bytes, under any
 *       block size (8 or 16), length field inside or outside the padded block, and any MAC, it
 *       is exactly {@value #SUCCESS_BELOW_ACCEPT} bytes shorter on the wire than SERVICE_ACCEPT;</li>
 *   <li>USERAUTH_FAILURE carries the server's list of methods, so its size is fixed within a
 *       connection but not known in advance: the first failure sets it;</li>
 *   <li>a server that reaches its limit of attempts (OpenSSH's MaxAuthTries) answers the last
 *       one with DISCONNECT instead of a failure: an answer of another size that ends the
 *       server's side is a failed attempt too.</li>
 * </ul>
 * Not every failure answers a guess: clients first ask with the method "none" to learn the
 * list (OpenSSH, libssh, libssh2 again before each password). A "none" request is the smallest
 * request a client can make for its user name (a password request adds at least 9 bytes), so
 * the failures that answer requests of the smallest size are not counted when larger failed
 * requests were answered too; when every failed request has one size, they were all attempts of
 * one kind (a client that sends its password without a probe), unless there was only one.
 *
 * <p>Primitive fields and fixed arrays only: one instance per pooled dialogue, reused.
 */
final class SshAuthInference {
    /** SERVICE_ACCEPT minus USERAUTH_SUCCESS on the wire (24 - 8 or 32 - 16 padded bytes). */
    static final int SUCCESS_BELOW_ACCEPT = 16;
    /** An answer this much larger than SERVICE_ACCEPT is a pre-authentication banner, skipped once. */
    static final int BANNER_ABOVE_ACCEPT = 256;
    /**
     * A request at least this large on the wire offers an RSA key (2,048 bits or more: its blob
     * alone is 279 bytes), and its failure refuses the key, which is no guess. A password request
     * stays below it for user name and password up to 100 bytes together, even padded to 64 as
     * OpenSSH pads them and with a 64-byte MAC.
     */
    static final int KEY_OFFER_MIN = 320;
    /** Answered requests remembered per connection; sshd allows 6 by default. */
    static final int MAX_ANSWERS = 64;
    /** Distinct sizes of other answers remembered (PK_OK, INFO_REQUEST, GSSAPI tokens...). */
    static final int MAX_OTHER_SIZES = 8;

    private boolean clientSpoke;
    private int acceptSize;
    private int failureSize;
    private boolean bannerSkipped;
    private int requestSize;
    private boolean requestAnswered;
    private final int[] failedRequestSizes = new int[MAX_ANSWERS];
    private int failed;
    private boolean succeeded;
    /** The server's last message was of no known size and answered a request: a DISCONNECT if nothing follows. */
    private boolean lastWasOther;
    private int otherRequestSize;
    /** Its size was seen before: a message of the method (INFO_REQUEST, PK_OK), which a DISCONNECT is not. */
    private boolean lastOtherRepeated;
    private final int[] otherSizes = new int[MAX_OTHER_SIZES];
    private int otherSizeCount;

    void reset() {
        clientSpoke = false;
        acceptSize = 0;
        failureSize = 0;
        bannerSkipped = false;
        requestSize = 0;
        requestAnswered = false;
        failed = 0;
        succeeded = false;
        lastWasOther = false;
        otherRequestSize = 0;
        lastOtherRepeated = false;
        otherSizeCount = 0;
    }

    /** {@code len} encrypted bytes delivered from one side. */
    void encrypted(boolean fromClient, int len) {
        if (succeeded || len <= 0) {
            return;
        }
        if (fromClient) {
            clientSpoke = true;
            requestSize = len;
            requestAnswered = false;
            return;
        }
        if (!clientSpoke) {
            // EXT_INFO, sent right after the server's NEWKEYS, before the client's SERVICE_REQUEST.
            return;
        }
        if (acceptSize == 0) {
            acceptSize = len;
            requestAnswered = true;
            return;
        }
        lastWasOther = false;
        if (len == acceptSize - SUCCESS_BELOW_ACCEPT) {
            succeeded = true;
            return;
        }
        if (failureSize == 0) {
            if (!bannerSkipped && len - acceptSize > BANNER_ABOVE_ACCEPT) {
                bannerSkipped = true;
                return;
            }
            failureSize = len;
        }
        if (len == failureSize) {
            if (!requestAnswered && failed < MAX_ANSWERS) {
                failedRequestSizes[failed++] = requestSize;
            }
            requestAnswered = true;
        } else if (!requestAnswered) {
            // PK_OK, INFO_REQUEST, a banner: the request goes on. Or a DISCONNECT, if nothing follows.
            lastWasOther = true;
            otherRequestSize = requestSize;
            lastOtherRepeated = rememberOther(len);
        }
    }

    /** True when an answer of this size came before; remembers it. */
    private boolean rememberOther(int len) {
        for (int i = 0; i < otherSizeCount; i++) {
            if (otherSizes[i] == len) {
                return true;
            }
        }
        if (otherSizeCount < MAX_OTHER_SIZES) {
            otherSizes[otherSizeCount++] = len;
        }
        return false;
    }

    /** Failed attempts, once the connection is over. */
    int failures() {
        // A server at its limit disconnects after failures; a size seen before is the method's own message.
        boolean disconnected = lastWasOther && !lastOtherRepeated && !succeeded && failed > 0;
        int answered = disconnected ? failed + 1 : failed;
        int min = disconnected ? otherRequestSize : Integer.MAX_VALUE;
        int max = disconnected ? otherRequestSize : 0;
        for (int i = 0; i < failed; i++) {
            min = Math.min(min, failedRequestSizes[i]);
            max = Math.max(max, failedRequestSizes[i]);
        }
        // The probe's size: the smallest, when larger requests were answered too, or a lone request.
        int probe = max > min || answered == 1 ? min : -1;
        int n = 0;
        for (int i = 0; i < failed; i++) {
            if (isAttempt(failedRequestSizes[i], probe)) {
                n++;
            }
        }
        if (disconnected && isAttempt(otherRequestSize, probe)) {
            n++;
        }
        return n;
    }

    private static boolean isAttempt(int requestSize, int probe) {
        return requestSize != probe && requestSize < KEY_OFFER_MIN;
    }

    /** True once a USERAUTH_SUCCESS was seen; nothing after it is about authentication. */
    boolean succeeded() {
        return succeeded;
    }
}
