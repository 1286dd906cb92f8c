package gatewatch.features.content;

/**
 * An FTP control connection (RFC 959). USER names the account; a 230 reply is the login, a 5xx
 * reply to USER or PASS a failed login (each reply is matched with its command in order). After
 * login each command is read by {@link FtpRules#COMMANDS}, and a guest's also by
 * {@link FtpRules#GUEST_COMMANDS}. {@code num_outbound_cmds} stays 0 (see docs/FEATURES.md).
 */
final class FtpDialogue extends Dialogue {
    private enum Command { OTHER, USER, PASS, AUTH }

    private static final Command[] COMMANDS = Command.values();

    private final CommandQueue sent = new CommandQueue();
    private boolean loggedIn;
    private String user;

    FtpDialogue(Rules rules) {
        super(rules);
    }

    @Override
    void reset() {
        sent.clear();
        loggedIn = false;
        user = null;
    }

    @Override
    void clientLine(AsciiLine line) {
        line.trimEnd();
        if (line.startsWithIgnoreCase("USER ")) {
            user = argument(line);
            sent.push(Command.USER.ordinal());
            return;
        }
        if (line.startsWithIgnoreCase("PASS")) {
            sent.push(Command.PASS.ordinal());
            return;
        }
        sent.push((line.startsWithIgnoreCase("AUTH ") ? Command.AUTH : Command.OTHER).ordinal());
        if (loggedIn) {
            RuleMatcher.apply(rules.ftpCommands, line, f);
            if (AccountNames.isGuest(user)) {
                RuleMatcher.apply(rules.ftpGuestCommands, line, f);
            }
        }
    }

    @Override
    void serverLine(AsciiLine line) {
        if (!isFinalReply(line)) {
            return;
        }
        int reply = rules.ftpReplies.match(line);
        // The greeting (220) and 1xx preliminary replies answer no command of the queue.
        int code = line.replyCode();
        if (code < 200 || (code == 220 && sent.isEmpty())) {
            return;
        }
        int c = sent.pop();
        Command answered = c == CommandQueue.NONE ? Command.OTHER : COMMANDS[c];
        if (RuleMatcher.has(reply, FtpRules.Reply.LOGGED_IN) && !loggedIn) {
            loggedIn = true;
            AccountNames.successfulLogin(user, f);
        } else if (RuleMatcher.has(reply, FtpRules.Reply.REJECTED)
                && (answered == Command.USER || answered == Command.PASS)) {
            f.add(Effect.FAILED_LOGIN);
        } else if (RuleMatcher.has(reply, FtpRules.Reply.TLS_STARTED) && answered == Command.AUTH) {
            stopEncrypted();
        }
    }
}
