package gatewatch.features.content;

import gatewatch.features.content.MailRules.SmtpCommand;

/**
 * An SMTP session (RFC 5321, AUTH RFC 4954). {@code logged_in} is the session being accepted:
 * 250 to HELO/EHLO (in the KDD data 9,561 of the 9,598 normal SF smtp rows have logged_in = 1,
 * and SMTP of 1998 had no login), or 235 to AUTH; a 5xx to AUTH is a failed login. Replies are
 * matched with commands in order (PIPELINING). The envelope (MAIL FROM, RCPT TO) is read by
 * {@link MailRules#SMTP_ENVELOPE}; the message itself is not read.
 */
final class SmtpDialogue extends Dialogue {
    private static final SmtpCommand[] COMMANDS = SmtpCommand.values();
    private static final int GREETING = 220;
    private static final int ACCEPTED = 250;
    private static final int AUTH_ACCEPTED = 235;
    private static final int AUTH_CONTINUE = 334;
    private static final int START_DATA = 354;

    private final CommandQueue sent = new CommandQueue();
    private boolean saslContinues;
    private boolean inMessage;
    private boolean greeted;

    SmtpDialogue(Rules rules) {
        super(rules);
    }

    @Override
    void reset() {
        sent.clear();
        saslContinues = false;
        inMessage = false;
        greeted = false;
    }

    @Override
    void clientLine(AsciiLine line) {
        if (inMessage) {
            if (line.length() == 1 && line.byteAt(0) == '.') {
                inMessage = false;
                sent.push(SmtpCommand.OTHER.ordinal());
            }
            return;
        }
        line.trimEnd();
        if (saslContinues) {
            saslContinues = false;
            sent.push(SmtpCommand.AUTH.ordinal());
            return;
        }
        int m = rules.smtpCommands.match(line);
        SmtpCommand c = SmtpCommand.OTHER;
        for (SmtpCommand k : COMMANDS) {
            if (RuleMatcher.has(m, k)) {
                c = k;
                break;
            }
        }
        if (c == SmtpCommand.OTHER) {
            RuleMatcher.apply(rules.smtpEnvelope, line, f);
        }
        sent.push(c.ordinal());
    }

    @Override
    void serverLine(AsciiLine line) {
        if (!isFinalReply(line)) {
            return;
        }
        int code = line.replyCode();
        if (code == GREETING && !greeted) {
            greeted = true;
            return;
        }
        int popped = sent.pop();
        SmtpCommand answered = popped == CommandQueue.NONE ? SmtpCommand.OTHER : COMMANDS[popped];
        if (code == AUTH_CONTINUE && answered == SmtpCommand.AUTH) {
            saslContinues = true;
        } else if (code == AUTH_ACCEPTED || (code == ACCEPTED && answered == SmtpCommand.HELLO)) {
            f.add(Effect.LOGGED_IN);
        } else if (code >= 500 && answered == SmtpCommand.AUTH) {
            f.add(Effect.FAILED_LOGIN);
        } else if (code == START_DATA && answered == SmtpCommand.DATA) {
            inMessage = true;
        } else if (code == GREETING && answered == SmtpCommand.STARTTLS) {
            stopEncrypted();
        }
    }
}
