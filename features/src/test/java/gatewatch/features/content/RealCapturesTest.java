package gatewatch.features.content;

import static org.assertj.core.api.Assertions.assertThat;

import gatewatch.features.testing.CaptureFiles;
import gatewatch.features.kdd.KddFeature;
import gatewatch.features.kdd.Service;
import gatewatch.features.testing.SharedData;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The content features of the shared captures (../shared/pcaps), checked against what tshark shows in them. */
class RealCapturesTest {
    /** No content column set: {@link ContentHarness.Finished#content} names only the non-zero ones. */
    private static final String ZEROS = "";

    private static ContentHarness replay(String capture) throws IOException {
        ContentHarness h = new ContentHarness(ContentConfig.defaults(), 10_000);
        CaptureFiles.read(SharedData.require("pcaps/" + capture), h::frame);
        h.flush();
        return h;
    }

    private static List<ContentHarness.Finished> ofService(ContentHarness h, Service s) {
        return h.finished.stream().filter(f -> f.conn().service() == s).toList();
    }

    @Test
    void telnetSessionLogsInAsAnOrdinaryUser() throws IOException {
        // Login "fake", "Last login: ...", then /sbin/ping, ls, ls -a, exit as a '$' user.
        ContentHarness h = replay("normal/telnet-cooked-session.pcap");
        List<ContentHarness.Finished> telnet = ofService(h, Service.TELNET);
        assertThat(telnet).hasSize(1);
        assertThat(telnet.getFirst().content()).isEqualTo("logged_in=1");
        assertThat(h.inspector.counters().gaps).isZero();
        assertThat(h.inspector.counters().connectionsUnrecognised).isZero();
    }

    @Test
    void anonymousFtpSessionIsAGuestLogin() throws IOException {
        // USER anonymous, 230; then SYST, PASV, LIST, TYPE I, PASV, RETR, TYPE A, PORT, LIST, TYPE I,
        // PORT, RETR, QUIT: four file/directory commands by a guest.
        ContentHarness h = replay("normal/zeek-ftp-ipv4.pcap");
        List<ContentHarness.Finished> ftp = ofService(h, Service.FTP);
        assertThat(ftp).hasSize(1);
        assertThat(ftp.getFirst().content()).isEqualTo("hot=4 logged_in=1 is_guest_login=1");
        // The four data connections (passive and active, to high ports) are not inspected.
        assertThat(h.finished).hasSize(5);
        assertThat(h.finished).filteredOn(f -> f.conn().service() != Service.FTP)
                .extracting(ContentHarness.Finished::content).containsOnly(ZEROS);
    }

    @Test
    void ftpBruteForceHasOneFailedLoginInEachOfItsThirtyConnections() throws IOException {
        // tshark: 30 connections to port 21, each USER bro / 331 / PASS n / 530 Login incorrect / QUIT.
        ContentHarness h = replay("attack/zeek-ftp-bruteforce.pcap");
        List<ContentHarness.Finished> ftp = ofService(h, Service.FTP);
        assertThat(ftp).hasSize(30);
        assertThat(ftp).extracting(ContentHarness.Finished::content)
                .containsOnly("num_failed_logins=1");
        assertThat(ftp.stream().mapToDouble(f -> f.get(KddFeature.NUM_FAILED_LOGINS)).sum()).isEqualTo(30);
    }

    @Test
    void smtpSessionsAreAccepted() throws IOException {
        // 10.10.1.4:1470: EHLO, AUTH LOGIN, 235, one message. 192.168.133.100:49648: EHLO, one message.
        ContentHarness h = replay("normal/zeek-smtp.pcap");
        List<ContentHarness.Finished> smtp = ofService(h, Service.SMTP);
        assertThat(smtp).hasSize(2);
        assertThat(smtp).extracting(ContentHarness.Finished::content)
                .containsOnly("logged_in=1");
        assertThat(h.finished).filteredOn(f -> f.conn().service() != Service.SMTP)
                .extracting(ContentHarness.Finished::content).containsOnly(ZEROS);
    }

    @Test
    void httpOverVlanIsARequest() throws IOException {
        ContentHarness h = replay("odd/vlan-8021q-http.pcap");
        assertThat(ofService(h, Service.HTTP)).extracting(ContentHarness.Finished::content)
                .containsExactly("logged_in=1");
    }

    @Test
    void sqlInjectionRequestsAreHotOncePerInjectionRule() throws IOException {
        // A session of the capture sends ?id=1' (a lone quote: no rule), 1' and 1=1# (a condition: 1),
        // 1' and 1=1 union select database(), user()# (condition, union: 2), the same selecting from
        // information_schema.tables (and the catalogue: 3), and selecting user, password (2); the second
        // session stops after the catalogue.
        ContentHarness h = replay("attack/ndpi-web-sqlinjection.pcap");
        List<ContentHarness.Finished> http = ofService(h, Service.HTTP);
        assertThat(http).hasSize(9);
        assertThat(http).extracting(ContentHarness.Finished::content).containsExactlyInAnyOrder(
                "logged_in=1", "logged_in=1", "hot=1 logged_in=1", "hot=1 logged_in=1", "hot=2 logged_in=1",
                "hot=2 logged_in=1", "hot=2 logged_in=1", "hot=3 logged_in=1", "hot=3 logged_in=1");
    }
}
