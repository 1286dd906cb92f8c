package gatewatch.features.content;

/**
 * Authentication outcomes of an SSH-2 connection inferred from the sizes of its encrypted
 * messages, as Zeek's SSH analyzer does ({@code ProcessEncrypted} in
 * {@code src/analyzer/protocol/ssh/SSH.cc}); see docs/FEATURES.md.
 *
 * <p>Each call is one delivery of encrypted bytes (in practice one TCP segment, which during
 * authentication carries one message). Authentication is a strict request/answer exchange, and
 * three of the server's answers have sizes fixed by the protocol:
 * <ul>
 *   <li>its first encrypted answer is SERVICE_ACCEPT "ssh-userauth" (17 bytes of payload);</li>
 *   <li>USERAUTH_SUCCESS is 1 byte of payload. With the minimum padding of 4 bytes, under any
 *       block size (8 or 16), length field inside or outside the padded block, and any MAC, it
 *       is exactly {@value #SUCCESS_BELOW_ACCEPT} bytes shorter on the wire than SERVICE_ACCEPT;</li>
 *   <li>USERAUTH_FAILURE carries the server's list of methods, so its size is fixed within a
 *       connection but not known in advance: the first one sets it. Clients first ask with the
 *       method "none" to learn the list (OpenSSH, libssh, libssh2), so that first failure is no
 *       attempt and is not counted.</li>
 * </ul>
 * A client that sends no "none" probe is recognised when the request answered by a later
 * failure has the same size as the one answered by the first: both were attempts of one kind.
 *
 * <p>Primitive fields only: one instance per pooled dialogue, reused.
 */
final class SshAuthInference {
    /** SERVICE_ACCEPT minus USERAUTH_SUCCESS on the wire (24 - 8 or 32 - 16 padded bytes). */
    static final int SUCCESS_BELOW_ACCEPT = 16;
    /** An answer this much larger than SERVICE_ACCEPT is a pre-authentication banner, skipped once. */
    static final int BANNER_ABOVE_ACCEPT = 256;

    private boolean clientSpoke;
    private int acceptSize;
    private int failureSize;
    private boolean bannerSkipped;
    private int lastRequestSize;
    private int firstFailureRequestSize;
    private boolean firstFailureCounted;
    private int failures;
    private boolean succeeded;

    void reset() {
        clientSpoke = false;
        acceptSize = 0;
        failureSize = 0;
        bannerSkipped = false;
        lastRequestSize = 0;
        firstFailureRequestSize = 0;
        firstFailureCounted = false;
        failures = 0;
        succeeded = false;
    }

    /** {@code len} encrypted bytes delivered from one side. */
    void encrypted(boolean fromClient, int len) {
        if (succeeded || len <= 0) {
            return;
        }
        if (fromClient) {
            clientSpoke = true;
            lastRequestSize = len;
            return;
        }
        if (!clientSpoke) {
            // EXT_INFO, sent right after the server's NEWKEYS, before the client's SERVICE_REQUEST.
            return;
        }
        if (acceptSize == 0) {
            acceptSize = len;
            return;
        }
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
            firstFailureRequestSize = lastRequestSize;
            return;
        }
        if (len == failureSize) {
            failures++;
            if (!firstFailureCounted && lastRequestSize == firstFailureRequestSize) {
                // The first failure answered a request like this one: an attempt, not a "none" probe.
                firstFailureCounted = true;
                failures++;
            }
        }
    }

    /** Failed attempts inferred so far. */
    int failures() {
        return failures;
    }

    /** True once a USERAUTH_SUCCESS was seen; nothing after it is about authentication. */
    boolean succeeded() {
        return succeeded;
    }
}
