package gatewatch.features.conn;

import static gatewatch.features.encode.Frames.ACK;
import static gatewatch.features.encode.Frames.PSH;
import static gatewatch.features.encode.Frames.SYN;
import static org.assertj.core.api.Assertions.assertThat;

import gatewatch.features.kdd.KddFlag;
import gatewatch.features.kdd.Service;
import gatewatch.features.encode.Frames;
import org.junit.jupiter.api.Test;

/** A TCP connection whose first packet seen is not a SYN is oriented by port, as Zeek does. */
class MidStreamOrientationTest {

    @Test
    void anFtpSessionWhoseServerSpokeFirstIsFtpFromTheClient() {
        ConnectionSummary c = new TrackerHarness()
                .at(0, Frames.tcp("10.0.0.2", 21, "10.0.0.1", 40123).flags(PSH | ACK).seq(1).ack(1)
                        .payload("220 ProFTPD Server ready.\r\n"))
                .at(0.1, Frames.tcp("10.0.0.1", 40123, "10.0.0.2", 21).flags(PSH | ACK).seq(1).ack(28)
                        .payload("USER anonymous\r\n"))
                .at(0.2, Frames.tcp("10.0.0.2", 21, "10.0.0.1", 40123).flags(PSH | ACK).seq(28).ack(17)
                        .payload("331 Anonymous login ok\r\n"))
                .only();
        assertThat(c.service()).isEqualTo(Service.FTP);
        assertThat(c.origAddress()).hasToString("10.0.0.1");
        assertThat(c.origPort()).isEqualTo(40123);
        assertThat(c.respPort()).isEqualTo(21);
        assertThat(c.origBytes()).isEqualTo(16);
        assertThat(c.respBytes()).isEqualTo(51);
        // Zeek's mark of flipped roles; responder data first.
        assertThat(c.history()).startsWith("^d");
        assertThat(c.zeekState()).isEqualTo(KddFlag.OTH);
    }

    @Test
    void anHttpResponseSeenFirstIsHttpFromTheClient() {
        ConnectionSummary c = new TrackerHarness()
                .at(0, Frames.tcp("192.0.2.80", 80, "10.0.0.1", 51000).flags(PSH | ACK).seq(1).ack(1)
                        .payloadLength(1400))
                .only();
        assertThat(c.service()).isEqualTo(Service.HTTP);
        assertThat(c.origPort()).isEqualTo(51000);
        assertThat(c.respBytes()).isEqualTo(1400);
    }

    @Test
    void aClientSeenFirstMidStreamKeepsItsRole() {
        ConnectionSummary c = new TrackerHarness()
                .at(0, Frames.tcp("10.0.0.1", 51000, "192.0.2.80", 80).flags(ACK).seq(1).ack(1))
                .only();
        assertThat(c.service()).isEqualTo(Service.HTTP);
        assertThat(c.origPort()).isEqualTo(51000);
        assertThat(c.history()).doesNotStartWith("^");
    }

    @Test
    void betweenTwoServerPortsTheLowerIsTheResponder() {
        ConnectionSummary fromLower = new TrackerHarness()
                .at(0, Frames.tcp("10.0.0.2", 443, "10.0.0.1", 8080).flags(ACK).seq(1).ack(1)).only();
        assertThat(fromLower.respPort()).isEqualTo(443);
        ConnectionSummary fromHigher = new TrackerHarness()
                .at(0, Frames.tcp("10.0.0.1", 8080, "10.0.0.2", 443).flags(ACK).seq(1).ack(1)).only();
        assertThat(fromHigher.respPort()).isEqualTo(443);
    }

    @Test
    void betweenTwoEphemeralPortsTheFirstSenderIsTheOriginator() {
        ConnectionSummary c = new TrackerHarness()
                .at(0, Frames.tcp("10.0.0.2", 50000, "10.0.0.1", 40000).flags(PSH | ACK).seq(1).ack(1).payloadLength(10))
                .only();
        assertThat(c.origPort()).isEqualTo(50000);
        assertThat(c.service()).isEqualTo(Service.OTHER);
    }

    @Test
    void aSynFromAServerPortStillOpensTheConnection() {
        // A SYN says who opened it, whatever the ports (a scan from source port 80, nmap -g).
        ConnectionSummary c = new TrackerHarness()
                .at(0, Frames.tcp("10.0.0.9", 80, "10.0.0.1", 40000).flags(SYN).seq(0)).only();
        assertThat(c.origPort()).isEqualTo(80);
        assertThat(c.respPort()).isEqualTo(40000);
    }
}
