package gatewatch.features.content;

import gatewatch.features.content.MailRules.ImapCommand;
import gatewatch.features.content.MailRules.ImapReply;

/**
 * An IMAP session (RFC 3501): the tagged OK answering LOGIN or AUTHENTICATE is the login, a
 * tagged NO a failed login; a PREAUTH greeting is a login without a dialogue. After the tagged
 * OK to STARTTLS the rest is encrypted.
 */
final class ImapDialogue extends Dialogue {
    private static final int MAX_TAG = 64;

    private final byte[] tag = new byte[MAX_TAG];
    private int tagLength;
    private ImapCommand pending;
    private String user;

    ImapDialogue(Rules rules) {
        super(rules);
    }

    @Override
    void reset() {
        tagLength = 0;
        pending = null;
        user = null;
    }

    @Override
    void clientLine(AsciiLine line) {
        int m = rules.imapCommands.match(line);
        if (m == 0) {
            return;
        }
        for (ImapCommand c : ImapCommand.values()) {
            if (RuleMatcher.has(m, c)) {
                pending = c;
            }
        }
        tagLength = 0;
        for (int i = 0; i < line.length() && line.byteAt(i) != ' ' && tagLength < MAX_TAG; i++) {
            tag[tagLength++] = line.byteAt(i);
        }
        if (pending == ImapCommand.LOGIN) {
            // tag LOGIN user password: the third word.
            String[] words = line.toString().trim().split("\\s+", 4);
            user = words.length > 2 ? AccountNames.normalise(words[2]) : null;
        }
    }

    @Override
    void serverLine(AsciiLine line) {
        int m = rules.imapReplies.match(line);
        if (RuleMatcher.has(m, ImapReply.PREAUTH)) {
            AccountNames.successfulLogin(null, f);
            return;
        }
        if (m == 0 || pending == null || !taggedWithPending(line)) {
            return;
        }
        if (RuleMatcher.has(m, ImapReply.OK)) {
            if (pending == ImapCommand.STARTTLS) {
                stopEncrypted();
            } else {
                AccountNames.successfulLogin(user, f);
            }
        } else if (RuleMatcher.has(m, ImapReply.NO) && pending != ImapCommand.STARTTLS) {
            f.add(Effect.FAILED_LOGIN);
        }
        pending = null;
    }

    private boolean taggedWithPending(AsciiLine line) {
        if (line.length() <= tagLength || line.byteAt(tagLength) != ' ') {
            return false;
        }
        for (int i = 0; i < tagLength; i++) {
            if (line.byteAt(i) != tag[i]) {
                return false;
            }
        }
        return true;
    }
}
