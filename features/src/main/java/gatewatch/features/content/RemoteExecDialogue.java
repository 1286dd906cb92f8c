package gatewatch.features.content;

/**
 * rsh ({@code shell}, port 514) and rexec ({@code exec}, port 512): the client opens with four
 * NUL-terminated strings (rsh: stderr port, client user, server user, command; rexec: stderr
 * port, user, password, command); the server answers one byte, 0 (accepted, the command runs)
 * or 1 followed by an error message (refused: a failed login). The command is read by
 * {@link ShellRules#COMMANDS}, the output by {@link ShellRules#OUTPUT}.
 */
final class RemoteExecDialogue extends Dialogue {
    enum Mode {
        /** rshd(8): the account is the third string. */
        RSH(2),
        /** rexecd(8): the account is the second string, the password the third. */
        REXEC(1);

        final int userField;

        Mode(int userField) {
            this.userField = userField;
        }
    }

    private static final int COMMAND_FIELD = 3;
    private static final int STATUS_UNKNOWN = -1;

    private final NulFields request = new NulFields(4);
    private Mode mode = Mode.RSH;
    private int status;
    private boolean decided;

    RemoteExecDialogue(Rules rules) {
        super(rules);
    }

    void mode(Mode m) {
        mode = m;
    }

    @Override
    void reset() {
        request.reset();
        status = STATUS_UNKNOWN;
        decided = false;
    }

    @Override
    void clientData(byte[] b, int off, int len) {
        if (!request.done()) {
            request.accept(b, off, len);
            decide();
        }
        // What follows is the command's standard input: not parsed.
    }

    @Override
    void serverData(byte[] b, int off, int len) {
        if (status == STATUS_UNKNOWN && len > 0) {
            status = b[off] & 0xff;
            off++;
            len--;
            decide();
        }
        server.data(b, off, len);
    }

    private void decide() {
        if (decided || status == STATUS_UNKNOWN || !request.done()) {
            return;
        }
        decided = true;
        if (status != 0) {
            f.add(Effect.FAILED_LOGIN);
            return;
        }
        String user = AccountNames.normalise(request.field(mode.userField));
        AccountNames.successfulLogin(user, f);
        AsciiLine command = request.field(COMMAND_FIELD);
        RuleMatcher.apply(rules.shellCommands, command, f);
        if ("root".equals(user)) {
            f.rootCommands++;
        }
    }

    @Override
    void clientLine(AsciiLine line) {
        // Standard input of the command is not read.
    }

    @Override
    void serverLine(AsciiLine line) {
        if (decided && status == 0) {
            RuleMatcher.apply(rules.shellOutput, line, f);
        }
    }
}
