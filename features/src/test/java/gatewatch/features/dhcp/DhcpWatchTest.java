package gatewatch.features.dhcp;

import static org.assertj.core.api.Assertions.assertThat;

import gatewatch.features.decode.DecodeCounters;
import gatewatch.features.decode.DecodeStatus;
import gatewatch.features.decode.FrameDecoder;
import gatewatch.features.decode.LinkType;
import gatewatch.features.decode.PacketView;
import gatewatch.features.encode.Frames;
import gatewatch.features.notice.DhcpFloodNotice;
import gatewatch.features.notice.LinkAddresses;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DhcpWatchTest {
    private static final long MS = 1_000_000L;
    private static final long SECOND = 1_000_000_000L;
    private static final long T0 = 1_700_000_000L * SECOND;
    private static final long CLIENT = 0x90b1_1c99_4929L;

    private final List<DhcpFloodNotice> notices = new ArrayList<>();
    private final DhcpWatch watch = new DhcpWatch(n -> notices.add((DhcpFloodNotice) n));
    private final FrameDecoder decoder = new FrameDecoder(new DecodeCounters());
    private final PacketView view = new PacketView();

    /** A BOOTP message of {@code op} (1 request, 2 reply) with client hardware address {@code chaddr}. */
    static byte[] bootp(int op, long chaddr, String src, int srcPort, String dst, int dstPort) {
        byte[] p = new byte[240];
        p[0] = (byte) op;
        p[1] = 1;
        p[2] = 6;
        for (int i = 0; i < 6; i++) {
            p[28 + i] = (byte) (chaddr >>> (40 - 8 * i));
        }
        p[236] = 99; // the magic cookie
        p[237] = (byte) 130;
        p[238] = 83;
        p[239] = 99;
        return Frames.udp(src, srcPort, dst, dstPort).payload(p).ethernet();
    }

    private void at(long nanos, byte[] frame) {
        assertThat(decoder.decode(frame, 0, frame.length, frame.length, LinkType.ETHERNET, nanos, view))
                .isEqualTo(DecodeStatus.PACKET);
        watch.onPacket(view);
    }

    private void flood(long start, int messages, long everyNanos, long chaddr) {
        for (int i = 0; i < messages; i++) {
            at(start + i * everyNanos, bootp(1, chaddr, "128.2.5." + (i % 250), 68, "128.2.7." + (i % 250), 67));
        }
    }

    @Test
    void thirtyClientMessagesWithinTenSecondsFromOneClientAreOneAlert() {
        flood(T0, 29, 20 * MS, CLIENT);
        assertThat(notices).isEmpty();
        flood(T0 + 29 * 20 * MS, 221, 20 * MS, CLIENT);
        assertThat(notices).singleElement().satisfies(n -> {
            assertThat(n.clientMac()).isEqualTo(CLIENT);
            assertThat(n.messages()).isEqualTo(30);
            assertThat(n.tsNanos()).isEqualTo(T0 + 29 * 20 * MS);
            assertThat(n.firstNanos()).isEqualTo(T0);
            // The 30th message is the second burst's first.
            assertThat(LinkAddresses.ipv4(n.lastSrcIp())).isEqualTo("128.2.5.0");
            assertThat(LinkAddresses.ipv4(n.lastDstIp())).isEqualTo("128.2.7.0");
            assertThat(n.label()).isEqualTo("dhcp_flood");
        });
        assertThat(watch.counters().get(DhcpWatch.CLIENT_MESSAGES)).isEqualTo(250);
    }

    @Test
    void aClientRetryingAsRfc2131SaysIsNoFlood() {
        // Retries every 4 s (the shortest backoff) for ten minutes: 150 messages, never 30 in 10 s.
        flood(T0, 150, 4 * SECOND, CLIENT);
        assertThat(notices).isEmpty();
    }

    @Test
    void manyClientsAtOnceAreNoFloodOfOne() {
        // A building powering up behind a relay: 500 clients, two messages each, within 10 s.
        for (int c = 0; c < 500; c++) {
            flood(T0 + c * 10 * MS, 2, 5 * MS, 0x0200_0000_0000L + c);
        }
        assertThat(notices).isEmpty();
    }

    @Test
    void serverRepliesAndOtherUdpAreNotCounted() {
        for (int i = 0; i < 100; i++) {
            at(T0 + i * MS, bootp(2, CLIENT, "128.2.7.1", 67, "128.2.5.1", 68));
            at(T0 + i * MS, bootp(1, CLIENT, "10.0.0.1", 40000, "10.0.0.2", 53));
        }
        assertThat(notices).isEmpty();
        assertThat(watch.counters().get(DhcpWatch.CLIENT_MESSAGES)).isZero();
    }

    @Test
    void aNewEpisodeAfterFiveQuietMinutesAlertsAgain() {
        flood(T0, 100, 20 * MS, CLIENT);
        flood(T0 + 400 * SECOND, 30, 20 * MS, CLIENT);
        assertThat(notices).hasSize(2);
    }
}
