package gatewatch.features.content;

/**
 * The application dialogue of one inspected connection: turns both directions' in-order bytes
 * into lines and the lines into content features, by the rules tables of its service.
 *
 * <p>A dialogue stops at encryption (STARTTLS accepted) keeping what it counted; a client stream
 * that does not start as text marks the connection unrecognised (zeros).
 */
abstract sealed class Dialogue implements LineAssembler.Lines
        permits TerminalDialogue, RemoteExecDialogue, FtpDialogue, Pop3Dialogue, ImapDialogue, SmtpDialogue,
        HttpDialogue, SshDialogue {
    static final int MAX_LINE = 1024;

    final LineAssembler client = new LineAssembler(true, MAX_LINE);
    final LineAssembler server = new LineAssembler(false, MAX_LINE);
    final Rules rules;
    ContentFeatures f;
    private boolean stopped;
    private boolean unrecognised;

    Dialogue(Rules rules) {
        this.rules = rules;
    }

    final void start(ContentFeatures features) {
        f = features;
        stopped = false;
        unrecognised = false;
        client.start(this);
        server.start(this);
        reset();
    }

    /** Clears the per-connection state of the subclass. */
    abstract void reset();

    abstract void clientLine(AsciiLine line);

    abstract void serverLine(AsciiLine line);

    void clientData(byte[] b, int off, int len) {
        client.data(b, off, len);
    }

    void serverData(byte[] b, int off, int len) {
        server.data(b, off, len);
    }

    final void data(boolean fromClient, byte[] b, int off, int len) {
        if (stopped) {
            return;
        }
        if (fromClient) {
            clientData(b, off, len);
            if (client.isBinary()) {
                markUnrecognised();
            }
        } else {
            serverData(b, off, len);
        }
    }

    final void gap(boolean fromClient) {
        if (!stopped) {
            gapIn(fromClient);
        }
    }

    /** Bytes of one direction were lost before its next data. */
    void gapIn(boolean fromClient) {
        (fromClient ? client : server).gap();
    }

    /** End of the connection: a last unterminated line still counts. */
    void end() {
        if (!stopped) {
            server.flush();
            client.flush();
        }
    }

    /** The rest of the connection is encrypted: nothing more to read. */
    final void stopEncrypted() {
        stopped = true;
    }

    /** The stream is not what the service speaks: nothing more to read, zeros reported. */
    final void markUnrecognised() {
        stopped = true;
        unrecognised = true;
    }

    final boolean unrecognised() {
        return unrecognised;
    }

    @Override
    public final void line(boolean fromClient, AsciiLine line) {
        if (stopped) {
            return;
        }
        if (fromClient) {
            clientLine(line);
        } else {
            serverLine(line);
        }
    }

    /** True for a final reply line "ddd text" or "ddd" (FTP, SMTP), false for "ddd-" continuations. */
    static boolean isFinalReply(AsciiLine l) {
        return l.replyCode() >= 0 && (l.length() == 3 || l.byteAt(3) == ' ');
    }

    /** The argument after the first space, as a normalised account name. */
    static String argument(AsciiLine l) {
        int sp = l.indexOf((byte) ' ', 0);
        if (sp < 0) {
            return "";
        }
        return AccountNames.normalise(l.toString().substring(sp + 1));
    }
}
