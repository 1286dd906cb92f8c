package gatewatch.features.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gatewatch.features.kdd.KddFeature;
import gatewatch.features.kdd.Service;
import gatewatch.features.encode.Frames;
import org.junit.jupiter.api.Test;

class ContentInspectorTest {
    /** No content column set: {@link ContentHarness.Finished#content} names only the non-zero ones. */
    private static final String ZEROS = "";

    @Test
    void configNamesTheBadField() {
        assertThatThrownBy(() -> new ContentConfig(0, 8, 8)).hasMessageContaining("streamBudgetBytes");
        assertThatThrownBy(() -> new ContentConfig(8, -1, 8)).hasMessageContaining("reorderWindowBytes");
        assertThatThrownBy(() -> new ContentConfig(8, 8, 0)).hasMessageContaining("maxInspected");
    }

    @Test
    void inspectedServices() {
        assertThat(Service.values()).filteredOn(ContentInspector::inspects).containsExactlyInAnyOrder(
                Service.TELNET, Service.LOGIN, Service.SHELL, Service.EXEC, Service.FTP, Service.POP_3,
                Service.IMAP4, Service.SMTP, Service.HTTP, Service.HTTP_443, Service.HTTP_8001, Service.HTTP_2784,
                Service.SSH);
    }

    @Test
    void otherServicesTakeNoStateAndGiveZeros() {
        ContentHarness h = new ContentHarness();
        // SSH is read on port 22 (service ssh) only.
        h.session(2222).open().server("SSH-2.0-OpenSSH\r\n").client("SSH-2.0-x\r\n").close();
        h.session(6000).open().client("login: root\r\n").close();
        assertThat(h.flush()).extracting(ContentHarness.Finished::content).containsOnly(ZEROS);
        assertThat(h.inspector.counters().connectionsInspected).isZero();
    }

    @Test
    void udpAndIcmpGiveZeros() {
        ContentHarness h = new ContentHarness();
        h.send(Frames.udp("10.0.0.1", 5000, "10.0.0.2", 53).payload("USER root"));
        h.send(Frames.icmp("10.0.0.1", "10.0.0.2", 8, 0).payload("x"));
        assertThat(h.flush()).hasSize(2).extracting(ContentHarness.Finished::content).containsOnly(ZEROS);
    }

    @Test
    void encryptedPayloadOnAnInspectedPortGivesZeros() {
        ContentHarness h = new ContentHarness();
        byte[] hello = new byte[300];
        for (int i = 0; i < hello.length; i++) {
            hello[i] = (byte) (i * 37 + 0x80);
        }
        hello[0] = 0x16;
        h.session(80).open().client("GET / HTTP/1.0\r\n").client(hello).close();
        h.session(443).open().client(hello).server(hello).close();
        assertThat(h.flush()).extracting(ContentHarness.Finished::content).containsOnly(ZEROS);
        assertThat(h.inspector.counters().connectionsUnrecognised).isEqualTo(2);
    }

    @Test
    void outOfOrderAndRetransmittedSegmentsThroughTheTracker() {
        ContentHarness h = new ContentHarness();
        ContentHarness.Session s = h.session(21).open().server("220 ready\r\n");
        // "USER bob\r\n" (10 bytes) then "PASS x\r\n" (8 bytes), sent in the wrong order and twice.
        s.clientAt(10, "PASS x\r\n").clientAt(0, "USER bob\r\n").clientAt(0, "USER bob\r\n").advanceClient(18);
        s.server("331 ok\r\n530 Login incorrect.\r\n").close();
        ContentHarness.Finished r = h.only();
        assertThat(r.get(KddFeature.NUM_FAILED_LOGINS)).isEqualTo(1);
        ContentCounters c = h.inspector.counters();
        assertThat(c.segmentsHeld).isEqualTo(1);
        assertThat(c.bytesOverlapping).isEqualTo(10);
        assertThat(c.gaps).isZero();
    }

    @Test
    void lostSegmentIsAGapAndParsingResumesAfterIt() {
        ContentHarness h = new ContentHarness();
        ContentHarness.Session s = h.session(21).open().server("220 ready\r\n");
        s.clientAt(0, "USER bob\r\n").clientAt(18, "PASS y\r\n").advanceClient(26);
        s.server("331 ok\r\n").server("530 Login incorrect.\r\n").close();
        assertThat(h.only().get(KddFeature.NUM_FAILED_LOGINS)).isEqualTo(1);
        assertThat(h.inspector.counters().gaps).isEqualTo(1);
    }

    @Test
    void budgetCutsTheStream() {
        ContentHarness h = new ContentHarness(new ContentConfig(20, 1024, 4), 100);
        h.session(21).open().server("220 ready\r\n")
                .client("USER anonymous\r\nPASS x\r\nRETR a\r\n").server("230 ok\r\n").close();
        ContentHarness.Finished r = h.only();
        // The 20-byte budget ends inside "PASS x": the login reply still counts, RETR never arrives.
        assertThat(r.get(KddFeature.IS_GUEST_LOGIN)).isEqualTo(1);
        assertThat(r.get(KddFeature.HOT)).isZero();
        assertThat(h.inspector.counters().bytesOverBudget).isEqualTo(32 - 20);
    }

    @Test
    void poolOfSessionsIsBoundedAndReused() {
        ContentHarness h = new ContentHarness(new ContentConfig(1024, 1024, 2), 100);
        ContentHarness.Session a = h.session(21).open();
        ContentHarness.Session b = h.session(21).open();
        ContentHarness.Session c = h.session(21).open();
        // A session is taken at a connection's first payload, not at its SYN.
        assertThat(h.inspector.inspecting()).isZero();
        a.server("220 ready\r\n");
        b.server("220 ready\r\n");
        c.server("220 ready\r\n");
        assertThat(h.inspector.inspecting()).isEqualTo(2);
        c.server("230 ok\r\n").close();
        a.server("230 ok\r\n").close();
        b.server("230 ok\r\n").close();
        // Closed connections are reported after the tracker's linger; flush reports them now.
        h.tracker.flush();
        h.session(21).open().server("230 ok\r\n").close();
        h.flush();
        assertThat(h.finished).extracting(f -> f.get(KddFeature.LOGGED_IN)).containsExactly(0.0, 1.0, 1.0, 1.0);
        assertThat(h.inspector.counters().connectionsNotInspected).isEqualTo(1);
        assertThat(h.inspector.counters().connectionsInspected).isEqualTo(3);
        assertThat(h.inspector.inspecting()).isZero();
    }

    @Test
    void aStreamThatIsNotClearTextGivesItsSessionBackAtOnce() {
        // One session: a TLS connection on 443, still open, must not keep the clear-text request
        // that comes after it from being inspected.
        ContentHarness h = new ContentHarness(new ContentConfig(1024, 1024, 1), 100);
        ContentHarness.Session tls = h.session(443).open();
        byte[] clientHello = new byte[300];
        for (int i = 0; i < clientHello.length; i++) {
            clientHello[i] = (byte) (i * 37 + 0x16); // random-looking binary, as a ClientHello's is
        }
        tls.client(clientHello);
        assertThat(h.inspector.inspecting()).isZero();
        tls.server(new byte[] {0x16, 0x03, 0x03, 0x00, 0x7a, 0x02, 0x00, 0x00, 0x76});
        ContentHarness.Session web = h.session(80).open();
        web.client("GET /cgi-bin/phf?Qalias=x%0a/bin/cat%20/etc/passwd HTTP/1.0\r\n\r\n");
        assertThat(h.inspector.inspecting()).isEqualTo(1);
        web.server("HTTP/1.0 200 OK\r\n\r\n").close();
        tls.close();
        h.flush();
        assertThat(h.finished).hasSize(2);
        assertThat(h.finished).filteredOn(f -> f.conn().respPort() == 80)
                .singleElement().satisfies(f -> assertThat(f.get(KddFeature.HOT)).isPositive());
        assertThat(h.finished).filteredOn(f -> f.conn().respPort() == 443)
                .singleElement().satisfies(f -> assertThat(f.content()).isEmpty());
        assertThat(h.inspector.counters().connectionsNotInspected).isZero();
        assertThat(h.inspector.counters().connectionsUnrecognised).isEqualTo(1);
        assertThat(h.inspector.inspecting()).isZero();
    }

    @Test
    void aSessionLeftByAConnectionNobodyFinishedIsReleasedWhenItsSlotIsReused() {
        // A tracker of one slot whose listener never calls finish(): the second connection
        // evicts the first and takes its slot, and opening it must release the first one's session.
        ContentInspector inspector = new ContentInspector(ContentConfig.defaults());
        gatewatch.features.conn.ConnectionTracker tracker = new gatewatch.features.conn.ConnectionTracker(1,
                gatewatch.features.conn.Timeouts.ZEEK_DEFAULTS, (c, reason) -> { },
                new gatewatch.features.conn.TrackerCounters(), inspector);
        gatewatch.features.decode.FrameDecoder decoder =
                new gatewatch.features.decode.FrameDecoder(new gatewatch.features.decode.DecodeCounters());
        gatewatch.features.decode.PacketView view = new gatewatch.features.decode.PacketView();
        long[] t = {1_000_000_000L};
        java.util.function.Consumer<Frames.Packet> send = p -> {
            byte[] f = p.ethernet();
            t[0] += 1_000_000;
            if (decoder.decode(f, 0, f.length, f.length, gatewatch.features.decode.LinkType.ETHERNET, t[0], view)
                    == gatewatch.features.decode.DecodeStatus.PACKET) {
                tracker.onPacket(view);
            }
        };
        send.accept(Frames.tcp("10.0.0.1", 40000, "10.0.0.2", 23).flags(0x02).seq(100));
        send.accept(Frames.tcp("10.0.0.1", 40000, "10.0.0.2", 23).flags(0x18).seq(101).ack(1).payload("login: root\r\n"));
        assertThat(inspector.inspecting()).isEqualTo(1);

        send.accept(Frames.tcp("10.0.0.1", 40001, "10.0.0.2", 21).flags(0x02).seq(500));
        assertThat(inspector.inspecting()).as("sessions held after the slot was reused").isZero();
        send.accept(Frames.tcp("10.0.0.1", 40001, "10.0.0.2", 21).flags(0x18).seq(501).ack(1).payload("USER bob\r\n"));
        assertThat(inspector.inspecting()).isEqualTo(1);
        assertThat(inspector.counters().connectionsInspected).isEqualTo(2);
    }
}
