package gatewatch.features.content;

import gatewatch.features.decode.PacketView;

/**
 * The content state of one inspected connection: two reassembled directions feeding the
 * service's dialogue, and the features it counts. Pooled: reused for connection after connection,
 * its dialogues made on first need per kind.
 */
final class ContentSession {
    final ContentFeatures features = new ContentFeatures();
    private final Rules rules;
    private final StreamReassembler fromClient;
    private final StreamReassembler fromServer;
    private final Dialogue[] dialogues = new Dialogue[DialogueKind.values().length];
    private Dialogue dialogue;

    private final ByteSink clientSink = new ByteSink() {
        @Override
        public void data(byte[] b, int off, int len) {
            dialogue.data(true, b, off, len);
        }

        @Override
        public void gap() {
            dialogue.gap(true);
        }
    };

    private final ByteSink serverSink = new ByteSink() {
        @Override
        public void data(byte[] b, int off, int len) {
            dialogue.data(false, b, off, len);
        }

        @Override
        public void gap() {
            dialogue.gap(false);
        }
    };

    ContentSession(Rules rules, ContentConfig config, ContentCounters counters, BufferPool pool) {
        this.rules = rules;
        this.fromClient = new StreamReassembler(counters, pool, config.streamBudgetBytes(), config.reorderWindowBytes());
        this.fromServer = new StreamReassembler(counters, pool, config.streamBudgetBytes(), config.reorderWindowBytes());
    }

    void start(DialogueKind kind) {
        dialogue = dialogue(kind);
        features.reset();
        dialogue.start(features);
        fromClient.start(clientSink);
        fromServer.start(serverSink);
    }

    /**
     * One segment's payload. Its acknowledgement first settles the other direction (a hole the
     * peer has acknowledged is skipped), so that what it answers is parsed before the answer.
     */
    void segment(boolean fromOriginator, long offset, PacketView v) {
        StreamReassembler own = fromOriginator ? fromClient : fromServer;
        if (v.hasFlag(PacketView.TCP_ACK)) {
            (fromOriginator ? fromServer : fromClient).acknowledged((int) v.ack());
        }
        own.segment(offset, (int) v.seq(), v.buf(), v.payloadOffset(), v.payloadCapLength(), v.payloadWireLength());
    }

    /** The connection ended: parses what is still held and returns the buffers. */
    void finish() {
        fromClient.end();
        fromServer.end();
        dialogue.end();
    }

    /** Drops the connection without parsing what is held. */
    void abandon() {
        fromClient.release();
        fromServer.release();
    }

    boolean unrecognised() {
        return dialogue.unrecognised();
    }

    private Dialogue dialogue(DialogueKind kind) {
        Dialogue d = dialogues[kind.ordinal()];
        if (d == null) {
            d = switch (kind) {
                case TELNET, RLOGIN -> new TerminalDialogue(rules);
                case RSH, REXEC -> new RemoteExecDialogue(rules);
                case FTP -> new FtpDialogue(rules);
                case POP3 -> new Pop3Dialogue(rules);
                case IMAP -> new ImapDialogue(rules);
                case SMTP -> new SmtpDialogue(rules);
                case HTTP -> new HttpDialogue(rules);
                case SSH -> new SshDialogue(rules);
            };
            dialogues[kind.ordinal()] = d;
        }
        // instanceof, not a pattern switch: that one is an invokedynamic whose bootstrap spins a
        // class and method handles at the first connection, slow until the compilers catch up.
        if (d instanceof TerminalDialogue t) {
            t.mode(kind == DialogueKind.RLOGIN ? TerminalDialogue.Mode.RLOGIN : TerminalDialogue.Mode.TELNET);
        } else if (d instanceof RemoteExecDialogue r) {
            r.mode(kind == DialogueKind.REXEC ? RemoteExecDialogue.Mode.REXEC : RemoteExecDialogue.Mode.RSH);
        }
        return d;
    }
}
