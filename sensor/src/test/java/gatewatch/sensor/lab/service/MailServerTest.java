package gatewatch.sensor.lab.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The lab's dovecot: what its log counts per client address, and the messages it starts with. */
class MailServerTest {
    private static final String LOG = """
            Dec 08 02:32:23 pop3-login: Info: Disconnected: Aborted login by logging out (no auth attempts in 0 secs): user=<>, rip=10.77.1.2, lip=10.77.2.2, session=<qaCIJRZiqrd/AAAB>
            Dec 08 02:31:59 auth: Info: passwd-file(mia,10.77.1.2,<LZSNJRZirrd/AAAB>): Password mismatch
            Dec 08 02:31:59 auth: Info: passwd-file(info,10.77.1.2,<Ma6NJRZisLd/AAAB>): unknown user
            Dec 08 02:31:59 auth: Info: passwd-file(anna,10.77.1.20,<BsGNJRZiwrd/AAAB>): Password mismatch
            Dec 08 02:32:57 pop3-login: Info: Disconnected: Connection closed (auth failed, 3 attempts in 33 secs): user=<mia>, method=PLAIN, rip=10.77.1.2, lip=10.77.2.2, session=<aviUIRZiqsZ/AAAB>
            Dec 08 02:32:57 pop3-login: Info: Login: user=<mia>, method=PLAIN, rip=10.77.1.2, lip=10.77.2.2, mpid=30712, session=<Da8LJxZioJN/AAAB>
            Dec 08 02:32:57 pop3(mia)<30712><Da8LJxZioJN/AAAB>: Info: Disconnected: Connection closed top=0/0, retr=0/0, del=0/0, size=0
            Dec 08 02:33:01 pop3-login: Info: Login: user=<anna>, method=PLAIN, rip=10.77.1.20, lip=10.77.2.2, mpid=30790, TLS, session=<Xa8LJxZioJN/AAAB>
            Dec 08 02:33:02 imap-login: Info: Login: user=<mia>, method=PLAIN, rip=10.77.1.2, lip=10.77.2.2, mpid=30791, session=<Ya8LJxZioJN/AAAB>
            Dec 08 02:33:03 auth: Info: passwd-file(mia,10.77.1.22,<CsGNJRZiwrd/AAAB>): Password mismatch
            """;

    @Test
    void everyConnectionTheLoginProcessEndedCountsOnceForItsAddressAndProtocol() {
        // The probe, the failed one and the login; not the mail process's own Disconnected line, nor IMAP.
        assertThat(MailServer.connections(LOG, "pop3", "10.77.1.2")).isEqualTo(3);
        assertThat(MailServer.connections(LOG, "imap", "10.77.1.2")).isEqualTo(1);
        assertThat(MailServer.connections(LOG, "pop3", "10.77.1.20")).isEqualTo(1);
        // A longer address that starts with the same digits is another client.
        assertThat(MailServer.connections(LOG, "pop3", "10.77.1.21")).isZero();
        assertThat(MailServer.connections(LOG, "pop3", "10.77.1.")).isZero();
    }

    @Test
    void failedPasswordsAndUnknownUsersAreFailedLoginsOfTheirAddress() {
        assertThat(MailServer.failedLogins(LOG, "10.77.1.2")).isEqualTo(2);
        assertThat(MailServer.failedLogins(LOG, "10.77.1.20")).isEqualTo(1);
        assertThat(MailServer.failedLogins(LOG, "10.77.1.22")).isEqualTo(1);
        assertThat(MailServer.failedLogins(LOG, "10.77.2.2")).isZero();
    }

    @Test
    void messagesAreSeededMailWithHeadersAndCrlfLines() {
        String a = MailServer.message(new SplittableRandom(5), "anna", 3);
        assertThat(a).isEqualTo(MailServer.message(new SplittableRandom(5), "anna", 3));
        assertThat(a).startsWith("Return-Path: <sender3@example.org>\r\n").contains("\r\nTo: anna@lab.test\r\n",
                "\r\nSubject: lab message 3\r\n", "\r\n\r\n");
        assertThat(a.replace("\r\n", "")).doesNotContain("\n");
        // Some carry an attachment, most are short text.
        long attachments = java.util.stream.IntStream.range(0, 40)
                .filter(i -> MailServer.message(new SplittableRandom(i), "anna", i).contains("Content-Transfer-Encoding: base64")).count();
        assertThat(attachments).isBetween(3L, 25L);
    }
}
