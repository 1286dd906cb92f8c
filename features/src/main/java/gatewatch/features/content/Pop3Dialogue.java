package gatewatch.features.content;

import gatewatch.features.content.MailRules.Pop3Command;
import gatewatch.features.content.MailRules.Pop3Reply;

/**
 * A POP3 session (RFC 1939): +OK to PASS, APOP or a finished AUTH is the login; -ERR to USER,
 * PASS, APOP or AUTH a failed login. Replies are matched with commands in order; the lines of a
 * multi-line answer (RETR, TOP, ...) are skipped up to their lone '.'. After +OK to STLS the rest
 * is encrypted.
 */
final class Pop3Dialogue extends Dialogue {
    private static final Pop3Command[] COMMANDS = Pop3Command.values();

    private final CommandQueue sent = new CommandQueue();
    /** The server asked for more SASL data: the client's next line continues AUTH. */
    private boolean saslContinues;
    private boolean inMultiline;
    private String user;

    Pop3Dialogue(Rules rules) {
        super(rules);
    }

    @Override
    void reset() {
        sent.clear();
        saslContinues = false;
        inMultiline = false;
        user = null;
    }

    @Override
    void clientLine(AsciiLine line) {
        line.trimEnd();
        if (saslContinues) {
            saslContinues = false;
            sent.push(Pop3Command.AUTH.ordinal());
            return;
        }
        Pop3Command c = first(rules.pop3Commands.match(line));
        if (c == Pop3Command.USER || c == Pop3Command.APOP) {
            user = firstWord(argument(line));
        }
        sent.push(c.ordinal());
    }

    @Override
    void serverLine(AsciiLine line) {
        if (inMultiline) {
            inMultiline = !(line.length() == 1 && line.byteAt(0) == '.');
            return;
        }
        int m = rules.pop3Replies.match(line);
        if (m == 0) {
            // "+ challenge": a SASL continuation, the AUTH is not answered yet.
            if (line.length() > 0 && line.byteAt(0) == '+') {
                sent.pop();
                saslContinues = true;
            }
            return;
        }
        int code = sent.pop();
        if (code == CommandQueue.NONE) {
            return; // the greeting
        }
        Pop3Command answered = COMMANDS[code];
        if (RuleMatcher.has(m, Pop3Reply.OK)) {
            switch (answered) {
                case PASS, APOP, AUTH -> AccountNames.successfulLogin(user, f);
                case STLS -> stopEncrypted();
                case MULTILINE -> inMultiline = true;
                case USER, OTHER -> { }
            }
        } else if (answered == Pop3Command.USER || answered == Pop3Command.PASS
                || answered == Pop3Command.APOP || answered == Pop3Command.AUTH) {
            f.add(Effect.FAILED_LOGIN);
        }
    }

    private static Pop3Command first(int mask) {
        for (Pop3Command c : COMMANDS) {
            if (RuleMatcher.has(mask, c)) {
                return c;
            }
        }
        return Pop3Command.OTHER;
    }

    private static String firstWord(String s) {
        int sp = s.indexOf(' ');
        return sp < 0 ? s : s.substring(0, sp);
    }
}
