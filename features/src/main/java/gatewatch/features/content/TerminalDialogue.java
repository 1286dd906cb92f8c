package gatewatch.features.content;

/**
 * An interactive terminal session: telnet (RFC 854, options stripped) or rlogin (RFC 1282).
 *
 * <p>Login: the server's prompts say what the client's next line is (user name or password); a
 * failure message after an attempt is a failed login; a success message or a shell prompt after
 * an attempt is the login. Prompts have no end of line: the server's unterminated line is read
 * as a prompt when the client starts to type. After login, each client line is a shell command
 * ({@link ShellRules#COMMANDS}), each server line output ({@link ShellRules#OUTPUT}); a '#' prompt
 * means a root shell, and every command typed in one is a root access ({@code num_root}).
 */
final class TerminalDialogue extends Dialogue {
    enum Mode { TELNET, RLOGIN }

    private enum Awaiting { NOTHING, USER, PASSWORD }

    private final TelnetFilter clientTelnet = new TelnetFilter();
    private final TelnetFilter serverTelnet = new TelnetFilter();
    /** rlogin: "", client user, server user, terminal/speed. */
    private final NulFields preamble = new NulFields(4);
    private Mode mode = Mode.TELNET;
    private boolean serverAckSeen;
    private Awaiting awaiting;
    private boolean attempt;
    private boolean loggedIn;
    private boolean root;
    private String user;

    TerminalDialogue(Rules rules) {
        super(rules);
    }

    void mode(Mode m) {
        mode = m;
    }

    @Override
    void reset() {
        clientTelnet.reset();
        serverTelnet.reset();
        preamble.reset();
        serverAckSeen = false;
        awaiting = Awaiting.NOTHING;
        attempt = false;
        loggedIn = false;
        root = false;
        user = null;
    }

    @Override
    void clientData(byte[] b, int off, int len) {
        if (mode == Mode.RLOGIN && !preamble.done()) {
            int used = preamble.accept(b, off, len);
            off += used;
            len -= used;
            if (preamble.done()) {
                // rlogin names the account up front; the server may still ask for a password.
                user = AccountNames.normalise(preamble.field(2));
                attempt = true;
            }
        }
        if (len == 0) {
            return;
        }
        readPrompt();
        if (mode == Mode.TELNET) {
            clientTelnet.filter(b, off, len, client);
        } else {
            client.data(b, off, len);
        }
    }

    @Override
    void serverData(byte[] b, int off, int len) {
        if (mode == Mode.RLOGIN && !serverAckSeen && len > 0) {
            serverAckSeen = true;
            if (b[off] == 0) {
                off++;
                len--;
            }
        }
        if (mode == Mode.TELNET) {
            serverTelnet.filter(b, off, len, server);
        } else {
            server.data(b, off, len);
        }
    }

    @Override
    void end() {
        readPrompt();
        super.end();
    }

    /**
     * The server's unterminated line, read as a prompt now that the client answers it. Only text
     * that ends as a prompt does ({@code :}, {@code $}, {@code #}, {@code %}, {@code >}, maybe a
     * space): anything else (the echo of the keys being typed) stays to become part of a line.
     */
    private void readPrompt() {
        AsciiLine pending = server.pending();
        if (endsLikePrompt(pending)) {
            serverText(pending, true);
            server.clearPending();
        }
    }

    private static boolean endsLikePrompt(AsciiLine l) {
        int i = l.length() - 1;
        if (i >= 0 && l.byteAt(i) == ' ') {
            i--;
        }
        if (i < 0) {
            return false;
        }
        byte b = l.byteAt(i);
        return b == ':' || b == '$' || b == '#' || b == '%' || b == '>';
    }

    @Override
    void serverLine(AsciiLine line) {
        serverText(line, false);
    }

    private void serverText(AsciiLine line, boolean prompt) {
        if (RuleMatcher.has(RuleMatcher.apply(rules.shellOutput, line, f), Effect.ROOT_SHELL)) {
            root = true;
        }
        // After login only an unterminated line (a password prompt for su) can matter to the dialogue.
        int event = !loggedIn || prompt ? rules.login.match(line) : 0;
        if (!loggedIn && attempt) {
            if (RuleMatcher.has(event, LoginRules.Event.FAILURE) && !RuleMatcher.has(event, LoginRules.Event.NOT_FAILURE)) {
                f.add(Effect.FAILED_LOGIN);
                attempt = false;
                awaiting = Awaiting.NOTHING;
            } else if (RuleMatcher.has(event, LoginRules.Event.SUCCESS)) {
                loginSucceeded();
            }
        }
        if (RuleMatcher.has(event, LoginRules.Event.LOGIN_PROMPT) && !loggedIn) {
            awaiting = Awaiting.USER;
        } else if (RuleMatcher.has(event, LoginRules.Event.PASSWORD_PROMPT)) {
            awaiting = Awaiting.PASSWORD;
        }
        if (prompt) {
            int p = rules.prompts.match(line);
            if (p != 0) {
                shellPrompt(RuleMatcher.has(p, ShellRules.Prompt.ROOT));
            }
        }
    }

    private void shellPrompt(boolean rootPrompt) {
        if (!loggedIn) {
            if (!attempt) {
                return;
            }
            loginSucceeded();
        }
        root = rootPrompt;
        if (rootPrompt) {
            f.add(Effect.ROOT_SHELL);
        }
    }

    private void loginSucceeded() {
        loggedIn = true;
        awaiting = Awaiting.NOTHING;
        AccountNames.successfulLogin(user, f);
    }

    @Override
    void clientLine(AsciiLine line) {
        line.trimEnd();
        if (!loggedIn) {
            if (awaiting == Awaiting.USER) {
                user = AccountNames.normalise(line);
                attempt = true;
            } else if (awaiting == Awaiting.PASSWORD) {
                attempt = true;
            }
            awaiting = Awaiting.NOTHING;
            return;
        }
        if (awaiting == Awaiting.PASSWORD) {
            // The password asked for by su (or passwd): not a command.
            awaiting = Awaiting.NOTHING;
            return;
        }
        if (line.isEmpty()) {
            return;
        }
        RuleMatcher.apply(rules.shellCommands, line, f);
        if (root) {
            f.rootCommands++;
        }
    }
}
