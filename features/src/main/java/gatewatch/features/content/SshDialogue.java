package gatewatch.features.content;

/**
 * An SSH connection (service ssh): the clear-text version exchange and key exchange framed by
 * {@link SshTransport} in each direction, then the sizes of the encrypted messages read by
 * {@link SshAuthInference}: each failed password (or other) attempt it infers is a failed login,
 * a USERAUTH_SUCCESS is the login. A stream that is not SSH, or ends inside an identification
 * line, is unrecognised (zeros); SSH-1 and a gap stop the inference, keeping what it counted.
 */
final class SshDialogue extends Dialogue {
    private final SshTransport fromClient = new SshTransport(true);
    private final SshTransport fromServer = new SshTransport(false);
    private final SshAuthInference auth = new SshAuthInference();

    SshDialogue(Rules rules) {
        super(rules);
    }

    @Override
    void reset() {
        fromClient.start();
        fromServer.start();
        auth.reset();
    }

    @Override
    void clientData(byte[] b, int off, int len) {
        data(fromClient, true, b, off, len);
    }

    @Override
    void serverData(byte[] b, int off, int len) {
        data(fromServer, false, b, off, len);
    }

    private void data(SshTransport t, boolean client, byte[] b, int off, int len) {
        int encrypted = t.data(b, off, len);
        switch (t.state()) {
            case BROKEN -> markUnrecognised();
            case SSH1 -> stopEncrypted();
            case ENCRYPTED -> {
                auth.encrypted(client, encrypted);
                if (auth.succeeded()) {
                    // The rest is the session itself: nothing more to infer.
                    stopEncrypted();
                }
            }
            case VERSION, PACKETS -> { }
        }
    }

    @Override
    void end() {
        if (fromClient.identificationIncomplete() || fromServer.identificationIncomplete()) {
            markUnrecognised();
            return;
        }
        f.failedLogins = auth.failures();
        f.loggedIn = auth.succeeded();
    }

    @Override
    void gapIn(boolean client) {
        // Sizes after lost bytes are not message sizes any more (Zeek stops at a gap too).
        stopEncrypted();
    }

    @Override
    void clientLine(AsciiLine line) {
        // SSH is not read as lines.
    }

    @Override
    void serverLine(AsciiLine line) {
        // SSH is not read as lines.
    }
}
