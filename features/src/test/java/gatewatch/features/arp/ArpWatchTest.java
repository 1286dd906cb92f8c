package gatewatch.features.arp;

import static org.assertj.core.api.Assertions.assertThat;

import gatewatch.features.decode.DecodeCounters;
import gatewatch.features.decode.DecodeStatus;
import gatewatch.features.decode.FrameDecoder;
import gatewatch.features.decode.LinkType;
import gatewatch.features.decode.PacketView;
import gatewatch.features.notice.ArpSpoofNotice;
import gatewatch.features.notice.LinkAddresses;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArpWatchTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long T0 = 1_700_000_000L * SECOND;
    private static final long ATTACKER = 0x00e0_4d3c_257bL;
    private static final long VICTIM = 0xb07f_b94e_f09cL;
    private static final long GATEWAY = 0xdcf5_0575_0bcdL;

    private final List<ArpSpoofNotice> alerts = new ArrayList<>();
    private final FrameDecoder decoder = new FrameDecoder(new DecodeCounters());
    private final PacketView view = new PacketView();
    private final ArpWatch watch = new ArpWatch(n -> alerts.add((ArpSpoofNotice) n));

    private void at(long nanos, byte[] frame) {
        assertThat(decoder.decode(frame, 0, frame.length, frame.length, LinkType.ETHERNET, nanos, view))
                .isEqualTo(DecodeStatus.ARP);
        watch.onArp(decoder.arp());
    }

    /** arpspoof's way: the victim is told, every {@code everySeconds}, that the gateway's address is the attacker's. */
    private void poison(long start, int times, long everyNanos) {
        for (int i = 0; i < times; i++) {
            at(start + i * everyNanos, ArpFrames.reply(ATTACKER, "10.0.0.1", VICTIM, "10.0.0.57"));
        }
    }

    @Test
    void theFifthUnsolicitedClaimWithinAMinuteIsOneAlert() {
        poison(T0, 4, SECOND);
        assertThat(alerts).isEmpty();
        poison(T0 + 4 * SECOND, 20, SECOND);
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.mac()).isEqualTo(ATTACKER);
            assertThat(LinkAddresses.ipv4(a.claimedIp())).isEqualTo("10.0.0.1");
            assertThat(a.targetMac()).isEqualTo(VICTIM);
            assertThat(LinkAddresses.ipv4(a.targetIp())).isEqualTo("10.0.0.57");
            assertThat(a.unsolicited()).isEqualTo(5);
            assertThat(a.tsNanos()).isEqualTo(T0 + 4 * SECOND);
            assertThat(a.firstNanos()).isEqualTo(T0);
            assertThat(a.ownerMac()).isEqualTo(-1);
        });
        assertThat(watch.counters().get(ArpWatch.UNSOLICITED)).isEqualTo(24);
        assertThat(watch.counters().get(ArpWatch.ALERTS)).isEqualTo(1);
    }

    @Test
    void eachAddressClaimedIsItsOwnAlert() {
        for (int i = 0; i < 5; i++) {
            at(T0 + i * SECOND, ArpFrames.reply(ATTACKER, "10.0.0.1", VICTIM, "10.0.0.57"));
            at(T0 + i * SECOND + 1000, ArpFrames.reply(ATTACKER, "10.0.0.57", GATEWAY, "10.0.0.1"));
        }
        assertThat(alerts).extracting(a -> LinkAddresses.ipv4(a.claimedIp())).containsExactly("10.0.0.1", "10.0.0.57");
    }

    @Test
    void aNewEpisodeAfterFiveQuietMinutesAlertsAgain() {
        poison(T0, 10, SECOND);
        poison(T0 + 9 * SECOND + 299 * SECOND, 5, SECOND);
        assertThat(alerts).hasSize(1);
        poison(T0 + 2000 * SECOND, 5, SECOND);
        assertThat(alerts).hasSize(2);
        assertThat(alerts.get(1).firstNanos()).isEqualTo(T0 + 2000 * SECOND);
    }

    @Test
    void claimsSlowerThanFiveAMinuteAreNotCounted() {
        poison(T0, 30, 20 * SECOND);
        poison(T0 + 10_000 * SECOND, 4, SECOND);
        assertThat(alerts).isEmpty();
    }

    @Test
    void answersToRequestsAreNeverClaimsHoweverMany() {
        for (int i = 0; i < 100; i++) {
            long t = T0 + i * SECOND;
            at(t, ArpFrames.request(VICTIM, "10.0.0.57", "10.0.0.1"));
            at(t + 2 * SECOND, ArpFrames.reply(GATEWAY, "10.0.0.1", VICTIM, "10.0.0.57"));
        }
        assertThat(alerts).isEmpty();
        assertThat(watch.counters().get(ArpWatch.UNSOLICITED)).isZero();
    }

    @Test
    void anAnswerLaterThanFiveSecondsAfterTheRequestIsUnsolicited() {
        at(T0, ArpFrames.request(VICTIM, "10.0.0.57", "10.0.0.1"));
        at(T0 + 6 * SECOND, ArpFrames.reply(GATEWAY, "10.0.0.1", VICTIM, "10.0.0.57"));
        assertThat(watch.counters().get(ArpWatch.UNSOLICITED)).isOne();
    }

    @Test
    void gratuitousAnnouncementsAreNotClaims() {
        for (int i = 0; i < 50; i++) {
            at(T0 + i * SECOND, ArpFrames.frame(ArpFrames.BROADCAST, 2, GATEWAY, "10.0.0.1", ArpFrames.BROADCAST, "10.0.0.1"));
        }
        assertThat(alerts).isEmpty();
    }

    @Test
    void repliesNamingNoUnicastMacAreNotClaims() {
        for (int i = 0; i < 10; i++) {
            at(T0 + i * SECOND, ArpFrames.reply(0, "10.0.0.1", VICTIM, "10.0.0.57"));
            at(T0 + i * SECOND + 1, ArpFrames.reply(0x0100_5e00_0001L, "10.0.0.2", VICTIM, "10.0.0.57"));
        }
        assertThat(alerts).isEmpty();
        assertThat(watch.counters().get(ArpWatch.UNSOLICITED)).isEqualTo(20);
    }

    @Test
    void anOwnerRepeatingItsOwnAddressIsNotAPoisoner() {
        at(T0, ArpFrames.request(GATEWAY, "10.0.0.1", "10.0.0.57"));
        for (int i = 0; i < 20; i++) {
            at(T0 + i * SECOND, ArpFrames.reply(GATEWAY, "10.0.0.1", VICTIM, "10.0.0.57"));
        }
        assertThat(alerts).isEmpty();
    }

    @Test
    void theAlertNamesTheOwnerItsClaimContradicts() {
        at(T0, ArpFrames.request(GATEWAY, "10.0.0.1", "10.0.0.57"));
        poison(T0 + SECOND, 5, SECOND);
        assertThat(alerts).singleElement().satisfies(a -> assertThat(a.ownerMac()).isEqualTo(GATEWAY));
    }

    @Test
    void aFullTableCountsWhatItCannotTrackAndFreesStaleKeys() {
        ArpWatch small = new ArpWatch(n -> alerts.add((ArpSpoofNotice) n), 4, 4, 4);
        for (int i = 0; i < 10; i++) {
            byte[] f = ArpFrames.reply(ATTACKER + i, "10.0.1." + i, VICTIM, "10.0.0.57");
            decoder.decode(f, 0, f.length, f.length, LinkType.ETHERNET, T0, view);
            small.onArp(decoder.arp());
        }
        assertThat(small.counters().get(ArpWatch.UNTRACKED)).isEqualTo(6);
        // An hour later the old claims are stale: a poisoner is tracked and caught again.
        for (int i = 0; i < 5; i++) {
            byte[] f = ArpFrames.reply(ATTACKER, "10.0.0.1", VICTIM, "10.0.0.57");
            decoder.decode(f, 0, f.length, f.length, LinkType.ETHERNET, T0 + 3600 * SECOND + i * SECOND, view);
            small.onArp(decoder.arp());
        }
        assertThat(alerts).hasSize(1);
    }

    @Test
    void formatsAddresses() {
        assertThat(LinkAddresses.mac(ATTACKER)).isEqualTo("00:e0:4d:3c:25:7b");
        assertThat(LinkAddresses.ipv4(0xc0a8_0001)).isEqualTo("192.168.0.1");
        assertThat(LinkAddresses.ipv4(0xfffffffe)).isEqualTo("255.255.255.254");
    }
}
