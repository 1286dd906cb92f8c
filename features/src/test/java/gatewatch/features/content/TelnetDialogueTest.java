package gatewatch.features.content;

import static org.assertj.core.api.Assertions.assertThat;

import gatewatch.features.kdd.KddFeature;
import org.junit.jupiter.api.Test;

class TelnetDialogueTest {
    private static final byte IAC = (byte) 255;
    private static final byte DO = (byte) 253;
    private static final byte WILL = (byte) 251;
    private static final byte SB = (byte) 250;
    private static final byte SE = (byte) 240;

    private final ContentHarness h = new ContentHarness();

    /** Negotiation bytes with an 'x' hidden inside a subnegotiation: none of it may reach the parser. */
    private static byte[] negotiation() {
        return new byte[] {IAC, DO, 24, IAC, WILL, 31, IAC, SB, 24, 0, 'x', 't', 'e', 'r', 'm', IAC, SE};
    }

    private ContentHarness.Session loggedIn(String user, String prompt) {
        return h.session(23).open()
                .client(negotiation()).server(negotiation())
                .server("\r\nOpenBSD/i386 (oof) (ttyp2)\r\n\r\nlogin: ").client(user + "\r\n")
                .server("Password:").client("secret\r\n")
                .server("\r\nLast login: Sat Nov 27 20:11:43 on ttyp2\r\n").server(prompt);
    }

    @Test
    void successfulLoginWithCommandsOfEveryKind() {
        loggedIn("alice", "$ ")
                .client("cd /etc\r\n").server("$ ")
                .client("gcc -o x x.c\r\n").server("$ ")
                .client("./x\r\n").server("Jumping to address 0xefbfd000\r\n").server("$ ")
                .client("cat /etc/passwd > /tmp/p\r\n").server("$ ")
                .client("/bin/sh\r\n").server("$ ")
                .client("frob\r\n").server("sh: frob: not found\r\n").server("$ ")
                .client("exit\r\n").close();
        ContentHarness.Finished r = h.only();
        // hot: cd /etc, gcc, ./x; compromised: Jumping to address, not found
        assertThat(r.content()).isEqualTo("hot=3 logged_in=1 num_compromised=2 num_file_creations=1 num_shells=1 num_access_files=1");
    }

    @Test
    void failedLoginsAreCountedOncePerAttempt() {
        h.session(23).open()
                .server("login: ").client("root\r\n").server("Password:").client("a\r\n")
                .server("\r\nLogin incorrect\r\nlogin: ").client("root\r\n").server("Password:").client("b\r\n")
                .server("\r\nLogin incorrect\r\nlogin: ").close();
        assertThat(h.only().content()).isEqualTo("num_failed_logins=2");
    }

    @Test
    void failuresSinceLastLoginIsNotAFailure() {
        loggedIn("bob", "$ ").server("3 failures since last successful login\r\n").close();
        assertThat(h.only().get(KddFeature.NUM_FAILED_LOGINS)).isZero();
    }

    @Test
    void rootLoginIsAHostLoginWithARootShell() {
        loggedIn("root", "# ").client("ls\r\n").server("a b\r\n# ").client("id\r\n").close();
        // hot 1 (hot id), root_shell, num_root 2, is_host_login
        assertThat(h.only().content()).isEqualTo("hot=1 logged_in=1 root_shell=1 num_root=2 is_host_login=1");
    }

    @Test
    void suToRootCountsTheAttemptAndTheRootCommands() {
        loggedIn("carol", "$ ")
                .client("su\r\n").server("Password:").client("toor\r\n").server("\r\n# ")
                .client("cat /etc/shadow\r\n").server("...\r\n# ")
                .client("su -\r\n").server("# ").close();
        ContentHarness.Finished r = h.only();
        assertThat(r.get(KddFeature.SU_ATTEMPTED)).isEqualTo(2);
        assertThat(r.get(KddFeature.ROOT_SHELL)).isEqualTo(1);
        assertThat(r.get(KddFeature.NUM_ROOT)).isEqualTo(2);
        assertThat(r.get(KddFeature.NUM_ACCESS_FILES)).isEqualTo(1);
    }

    @Test
    void failedSuIsNotARootShellNorAFailedLogin() {
        loggedIn("dave", "$ ").client("su root\r\n").server("Password:").client("x\r\n")
                .server("\r\nSorry\r\n$ ").client("ls\r\n").close();
        assertThat(h.only().content()).isEqualTo("logged_in=1 su_attempted=1");
    }

    @Test
    void guestLogin() {
        loggedIn("guest", "% ").client("ls\r\n").close();
        assertThat(h.only().get(KddFeature.IS_GUEST_LOGIN)).isEqualTo(1);
    }

    @Test
    void characterAtATimeInputWithEchoAndBackspace() {
        ContentHarness.Session s = h.session(23).open().server("login: ");
        for (char c : "eve\r\n".toCharArray()) {
            s.client(String.valueOf(c));
            if (c != '\r' && c != '\n') {
                s.server(String.valueOf(c));
            }
        }
        s.server("\r\nPassword:");
        for (char c : "pw\r\n".toCharArray()) {
            s.client(String.valueOf(c));
        }
        s.server("\r\nLast login: today\r\n$ ");
        // "cd /etz<BS>c" typed one key at a time, echoed.
        for (char c : "cd /etz\bc\r\n".toCharArray()) {
            s.client(String.valueOf(c));
            s.server(String.valueOf(c));
        }
        s.close();
        assertThat(h.only().content()).isEqualTo("hot=1 logged_in=1");
    }

    @Test
    void noLoginDialogueMeansNotLoggedIn() {
        h.session(23).open().server("Welcome\r\n").client("hello\r\n").close();
        assertThat(h.only().content()).isEmpty();
    }

    @Test
    void commandsBeforeLoginDoNotCount() {
        h.session(23).open().server("login: ").client("cat /etc/passwd\r\n").server("Password:")
                .client("x\r\n").server("Login incorrect\r\n").close();
        assertThat(h.only().content()).isEqualTo("num_failed_logins=1");
    }

    @Test
    void rloginNamesTheUserInItsPreamble() {
        h.session(513).open().client("\0alice\0root\0xterm/38400\0").server("\0")
                .server("Last login: Mon\r\n# ").client("rm -rf /\r\n").close();
        // trusted by .rhosts: no password; root: host login, hot, root shell, one root command
        assertThat(h.only().content()).isEqualTo("hot=1 logged_in=1 root_shell=1 num_root=1 is_host_login=1");
    }

    @Test
    void rloginWithPasswordFailure() {
        h.session(513).open().client("\0alice\0bob\0vt100/9600\0").server("\0")
                .server("Password:").client("nope\r\n").server("Login incorrect\r\nlogin: ").close();
        assertThat(h.only().content()).isEqualTo("num_failed_logins=1");
    }
}
