package gatewatch.features.decode;

import static org.assertj.core.api.Assertions.assertThat;

import gatewatch.features.encode.Frames;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FragmentReassemblyTest {
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private DecodeCounters counters = new DecodeCounters();
    private FrameDecoder decoder = new FrameDecoder(counters);
    private final PacketView v = new PacketView();

    private void limits(FragmentLimits limits) {
        counters = new DecodeCounters();
        decoder = new FrameDecoder(counters, limits);
    }

    private DecodeStatus decode(byte[] frame, long ts) {
        return decoder.decode(frame, 0, frame.length, frame.length, LinkType.ETHERNET, ts, v);
    }

    private DecodeStatus decode(byte[] frame) {
        return decode(frame, 0);
    }

    private static byte[] pattern(int n, int seed) {
        byte[] p = new byte[n];
        for (int i = 0; i < n; i++) {
            p[i] = (byte) (i * 31 + seed);
        }
        return p;
    }

    /** The fragment of {@code p}'s transport bytes {@code [from, to)}, as an Ethernet frame. */
    private static byte[] frag(Frames.Packet p, byte[] transport, int from, int to, boolean more) {
        return p.fragment(from, more).ethernet(p.ip(Arrays.copyOfRange(transport, from, to)));
    }

    private byte[] payloadSeen() {
        return Arrays.copyOfRange(v.buf(), v.payloadOffset(), v.payloadOffset() + v.payloadCapLength());
    }

    @Test
    void ipv4InOrder() {
        byte[] payload = pattern(3000, 1);
        Frames.Packet p = Frames.udp("10.0.0.1", 4000, "10.0.0.2", 53).payload(payload).ipId(77);
        byte[] t = p.transport();
        assertThat(decode(frag(p, t, 0, 1480, true))).isEqualTo(DecodeStatus.SKIPPED);
        assertThat(decode(frag(p, t, 1480, 2960, true))).isEqualTo(DecodeStatus.SKIPPED);
        assertThat(counters.skipped(SkipReason.FRAGMENT_HELD)).isEqualTo(2);
        assertThat(decoder.fragmentDatagramsInFlight()).isEqualTo(1);

        assertThat(decode(frag(p, t, 2960, t.length, false))).isEqualTo(DecodeStatus.PACKET);
        assertThat(v.reassembled()).isTrue();
        assertThat(v.wrongFragments()).isZero();
        assertThat(v.isUdp()).isTrue();
        assertThat(v.srcPort()).isEqualTo(4000);
        assertThat(v.dstPort()).isEqualTo(53);
        assertThat(v.ipLength()).isEqualTo(20 + 3008);
        assertThat(v.payloadWireLength()).isEqualTo(3000);
        assertThat(payloadSeen()).isEqualTo(payload);
        assertThat(counters.fragments(FragmentCounter.FRAGMENTS)).isEqualTo(3);
        assertThat(counters.fragments(FragmentCounter.REASSEMBLED)).isEqualTo(1);
        assertThat(counters.packets()).isEqualTo(1);
        assertThat(decoder.fragmentDatagramsInFlight()).isZero();
    }

    @Test
    void ipv4OutOfOrderCompletesOnTheLastToArrive() {
        byte[] payload = pattern(2000, 2);
        Frames.Packet p = Frames.tcp("10.0.0.1", 1234, "10.0.0.2", 80).payload(payload).seq(99);
        byte[] t = p.transport();
        assertThat(decode(frag(p, t, 1000, t.length, false))).isEqualTo(DecodeStatus.SKIPPED);
        assertThat(decode(frag(p, t, 504, 1000, true))).isEqualTo(DecodeStatus.SKIPPED);
        assertThat(decode(frag(p, t, 0, 504, true))).isEqualTo(DecodeStatus.PACKET);
        assertThat(v.reassembled()).isTrue();
        assertThat(v.isTcp()).isTrue();
        assertThat(v.seq()).isEqualTo(99);
        assertThat(payloadSeen()).isEqualTo(payload);
    }

    @Test
    void duplicateFragmentIsIgnoredNotWrong() {
        Frames.Packet p = Frames.udp("10.0.0.1", 1, "10.0.0.2", 2).payload(pattern(100, 3));
        byte[] t = p.transport();
        byte[] first = frag(p, t, 0, 56, true);
        decode(first);
        assertThat(decode(first)).isEqualTo(DecodeStatus.SKIPPED);
        assertThat(counters.skipped(SkipReason.FRAGMENT_DUPLICATE)).isEqualTo(1);
        assertThat(decode(frag(p, t, 56, t.length, false))).isEqualTo(DecodeStatus.PACKET);
        assertThat(v.reassembled()).isTrue();
        assertThat(v.wrongFragments()).isZero();
        assertThat(counters.fragments(FragmentCounter.DUPLICATES)).isEqualTo(1);
    }

    @Test
    void teardropDeliversTheFirstFragmentWithTwoWrongFragments() {
        // As in shared/pcaps/attack/teardrop.pcap: UDP of 36 bytes (28 of payload) in a first
        // fragment with MF, then 4 bytes at offset 24 marked last. The first is not a multiple of 8
        // long; the second overlaps it and ends before data already held.
        Frames.Packet p = Frames.udp("10.1.1.1", 31915, "129.111.30.27", 20197).payload(pattern(28, 4)).ipId(242);
        byte[] t = p.transport();
        assertThat(decode(frag(p, t, 0, 36, true))).isEqualTo(DecodeStatus.SKIPPED);
        assertThat(decode(frag(p, new byte[28], 24, 28, false))).isEqualTo(DecodeStatus.PACKET);
        assertThat(v.reassembled()).isFalse();
        assertThat(v.wrongFragments()).isEqualTo(2);
        assertThat(v.isUdp()).isTrue();
        assertThat(v.srcPort()).isEqualTo(31915);
        assertThat(v.payloadWireLength()).isEqualTo(28);
        assertThat(payloadSeen()).isEqualTo(pattern(28, 4));
        assertThat(counters.fragments(FragmentCounter.WRONG_FRAGMENTS)).isEqualTo(2);
        assertThat(counters.fragments(FragmentCounter.DELIVERED_WRONG)).isEqualTo(1);
    }

    @Test
    void overlapThatRewritesBytesKeepsTheFirstFragmentAsItArrived() {
        Frames.Packet p = Frames.udp("10.0.0.1", 1, "10.0.0.2", 2).payload(pattern(40, 5));
        byte[] t = p.transport();
        byte[] evil = t.clone();
        Arrays.fill(evil, (byte) 0x41);
        // The rewriting fragment comes first, the original first fragment after it.
        assertThat(decode(frag(p, evil, 8, 32, true))).isEqualTo(DecodeStatus.SKIPPED);
        assertThat(decode(frag(p, t, 0, 24, true))).isEqualTo(DecodeStatus.SKIPPED);
        assertThat(decode(frag(p, t, 32, t.length, false))).isEqualTo(DecodeStatus.PACKET);
        assertThat(v.wrongFragments()).isEqualTo(1);
        assertThat(v.reassembled()).isFalse();
        // The UDP length (48) is cut to what the first fragment holds: 24 - 8 bytes of payload.
        assertThat(v.payloadWireLength()).isEqualTo(16);
        assertThat(payloadSeen()).isEqualTo(Arrays.copyOf(pattern(40, 5), 16));
    }

    @Test
    void pingOfDeathIsOneWrongFragment() {
        // 45 fragments of 1480 bytes: the last one ends at 66,600 data bytes, past 65,535.
        Frames.Packet p = Frames.icmp("192.0.2.1", "192.0.2.2", 8, 0).payload(pattern(45 * 1480 - 8, 6));
        byte[] t = p.transport();
        for (int off = 0; off < 44 * 1480; off += 1480) {
            assertThat(decode(frag(p, t, off, off + 1480, true))).isEqualTo(DecodeStatus.SKIPPED);
        }
        assertThat(decode(frag(p, t, 44 * 1480, 45 * 1480, false))).isEqualTo(DecodeStatus.PACKET);
        assertThat(v.wrongFragments()).isEqualTo(1);
        assertThat(v.isIcmp()).isTrue();
        assertThat(v.icmpType()).isEqualTo(8);
        assertThat(v.payloadWireLength()).isEqualTo(1480 - 8);
        assertThat(counters.fragments(FragmentCounter.WRONG_FRAGMENTS)).isEqualTo(1);
    }

    @Test
    void misalignedNonLastFragmentIsWrong() {
        // IPv4 offsets count 8-byte units, so the fragment after a 12-byte one must start at 8
        // (overlapping it, a second wrong fragment) or at 16 (leaving a hole): it cannot follow.
        Frames.Packet p = Frames.udp("10.0.0.1", 1, "10.0.0.2", 2).payload(pattern(12, 7));
        byte[] t = p.transport();
        decode(frag(p, t, 0, 12, true));
        assertThat(counters.fragments(FragmentCounter.WRONG_FRAGMENTS)).isEqualTo(1);
        assertThat(decode(frag(p, t, 8, t.length, false))).isEqualTo(DecodeStatus.PACKET);
        assertThat(v.wrongFragments()).isEqualTo(2);
        assertThat(v.payloadWireLength()).isEqualTo(4);
    }

    @Test
    void emptyFragmentIsWrong() {
        Frames.Packet p = Frames.udp("10.0.0.1", 1, "10.0.0.2", 2).payload(pattern(16, 8));
        byte[] t = p.transport();
        decode(frag(p, t, 0, 16, true));
        decode(frag(p, t, 16, 16, true));
        assertThat(decode(frag(p, t, 16, t.length, false))).isEqualTo(DecodeStatus.PACKET);
        assertThat(v.wrongFragments()).isEqualTo(1);
    }

    @Test
    void secondLastFragmentWithAnotherEndIsWrong() {
        Frames.Packet p = Frames.udp("10.0.0.1", 1, "10.0.0.2", 2).payload(pattern(16, 9));
        byte[] t = p.transport();
        byte[] longer = Arrays.copyOf(t, 40);
        decode(frag(p, t, 16, t.length, false));
        decode(frag(p, longer, 16, 40, false));
        assertThat(decode(frag(p, t, 0, 16, true))).isEqualTo(DecodeStatus.PACKET);
        assertThat(v.wrongFragments()).isEqualTo(1);
    }

    @Test
    void fragmentPastAKnownEndIsWrong() {
        Frames.Packet p = Frames.udp("10.0.0.1", 1, "10.0.0.2", 2).payload(pattern(16, 10));
        byte[] t = p.transport();
        decode(frag(p, t, 16, t.length, false));
        decode(frag(p, new byte[64], 24, 48, true));
        assertThat(decode(frag(p, t, 0, 16, true))).isEqualTo(DecodeStatus.PACKET);
        assertThat(v.wrongFragments()).isEqualTo(1);
    }

    @Test
    void datagramWithoutItsFirstFragmentExpiresAfterThirtySecondsOfPacketTime() {
        Frames.Packet p = Frames.udp("10.0.0.1", 1, "10.0.0.2", 2).payload(pattern(40, 11));
        byte[] t = p.transport();
        decode(frag(p, t, 16, 32, true), 0);
        decode(frag(p, t, 32, t.length, false), SECOND);
        byte[] other = Frames.tcp("10.0.0.3", 5, "10.0.0.4", 6).ethernet();
        decode(other, 30 * SECOND);
        assertThat(decoder.fragmentDatagramsInFlight()).isEqualTo(1);
        decode(other, 30 * SECOND + 1);
        assertThat(decoder.fragmentDatagramsInFlight()).isZero();
        assertThat(counters.fragments(FragmentCounter.EXPIRED)).isEqualTo(1);
        assertThat(counters.packets()).isEqualTo(2);
    }

    @Test
    void flushAtTheEndOfACaptureCountsWhatIsLeftAsExpired() {
        Frames.Packet p = Frames.udp("10.0.0.1", 1, "10.0.0.2", 2).payload(pattern(40, 12));
        decode(frag(p, p.transport(), 0, 16, true));
        decoder.flushFragments();
        assertThat(decoder.fragmentDatagramsInFlight()).isZero();
        assertThat(counters.fragments(FragmentCounter.EXPIRED)).isEqualTo(1);
    }

    @Test
    void oldestDatagramIsEvictedWhenTheTableIsFull() {
        limits(new FragmentLimits(2, 65_535, 64, 30 * SECOND));
        List<Frames.Packet> packets = new ArrayList<>();
        for (int id = 1; id <= 3; id++) {
            Frames.Packet p = Frames.udp("10.0.0.1", 1, "10.0.0.2", 2).payload(pattern(40, id)).ipId(id);
            packets.add(p);
            decode(frag(p, p.transport(), 0, 16, true), id);
        }
        assertThat(counters.fragments(FragmentCounter.EVICTED)).isEqualTo(1);
        assertThat(decoder.fragmentDatagramsInFlight()).isEqualTo(2);
        Frames.Packet evicted = packets.get(0);
        assertThat(decode(frag(evicted, evicted.transport(), 16, 48, false), 4)).isEqualTo(DecodeStatus.SKIPPED);
        Frames.Packet kept = packets.get(2);
        assertThat(decode(frag(kept, kept.transport(), 16, 48, false), 5)).isEqualTo(DecodeStatus.PACKET);
        assertThat(payloadSeen()).isEqualTo(pattern(40, 3));
    }

    @Test
    void datagramCutIntoTooManyFragmentsIsDropped() {
        limits(new FragmentLimits(8, 65_535, 4, 30 * SECOND));
        Frames.Packet p = Frames.udp("10.0.0.1", 1, "10.0.0.2", 2).payload(pattern(72, 13));
        byte[] t = p.transport();
        for (int off = 0; off < 32; off += 8) {
            assertThat(decode(frag(p, t, off, off + 8, true))).isEqualTo(DecodeStatus.SKIPPED);
        }
        assertThat(decode(frag(p, t, 32, 40, true))).isEqualTo(DecodeStatus.SKIPPED);
        assertThat(counters.skipped(SkipReason.FRAGMENT_DROPPED)).isEqualTo(1);
        assertThat(counters.fragments(FragmentCounter.OVER_LIMIT)).isEqualTo(1);
        assertThat(decoder.fragmentDatagramsInFlight()).isZero();
    }

    @Test
    void datagramLargerThanTheByteLimitIsDropped() {
        limits(new FragmentLimits(8, 1000, 64, 30 * SECOND));
        Frames.Packet p = Frames.udp("10.0.0.1", 1, "10.0.0.2", 2).payload(pattern(1992, 14));
        byte[] t = p.transport();
        assertThat(decode(frag(p, t, 0, 1000, true))).isEqualTo(DecodeStatus.SKIPPED);
        assertThat(decode(frag(p, t, 1000, t.length, false))).isEqualTo(DecodeStatus.SKIPPED);
        assertThat(counters.fragments(FragmentCounter.OVER_LIMIT)).isEqualTo(1);
    }

    @Test
    void snappedFragmentsGiveTheWholeLengthButOnlyTheCapturedBytes() {
        byte[] payload = pattern(3000, 15);
        Frames.Packet p = Frames.udp("10.0.0.1", 1, "10.0.0.2", 2).payload(payload);
        byte[] t = p.transport();
        byte[] first = frag(p, t, 0, 1480, true);
        byte[] second = frag(p, t, 1480, t.length, false);
        int snap = 14 + 20 + 1000;
        decoder.decode(first, 0, snap, first.length, LinkType.ETHERNET, 0, v);
        assertThat(decoder.decode(second, 0, snap, second.length, LinkType.ETHERNET, 0, v)).isEqualTo(DecodeStatus.PACKET);
        assertThat(v.reassembled()).isTrue();
        assertThat(v.payloadWireLength()).isEqualTo(3000);
        assertThat(v.payloadCapLength()).isEqualTo(1000 - 8);
        assertThat(payloadSeen()).isEqualTo(Arrays.copyOf(payload, 992));
    }

    @Test
    void fragmentsOfUntrackedProtocolsAreNotReassembled() {
        Frames.Packet p = Frames.udp("10.0.0.1", 1, "10.0.0.2", 2).payload(pattern(40, 16));
        byte[] f = frag(p, p.transport(), 0, 16, true);
        f[14 + 9] = 47; // GRE
        assertThat(decode(f)).isEqualTo(DecodeStatus.SKIPPED);
        assertThat(counters.skipped(SkipReason.IP_PROTOCOL_UNTRACKED)).isEqualTo(1);
        assertThat(counters.fragments(FragmentCounter.FRAGMENTS)).isZero();
    }

    @Test
    void ipv6InOrderAndOutOfOrder() {
        byte[] payload = pattern(2500, 17);
        Frames.Packet p = Frames.udp("2001:db8::1", 5000, "2001:db8::2", 6000).payload(payload).ipId(0x12345);
        byte[] t = p.transport();
        assertThat(decode(frag(p, t, 1232, t.length, false))).isEqualTo(DecodeStatus.SKIPPED);
        assertThat(decode(frag(p, t, 0, 1232, true))).isEqualTo(DecodeStatus.PACKET);
        assertThat(v.reassembled()).isTrue();
        assertThat(v.ipVersion()).isEqualTo(6);
        assertThat(v.isUdp()).isTrue();
        assertThat(v.dstPort()).isEqualTo(6000);
        assertThat(v.ipLength()).isEqualTo(40 + 2508);
        assertThat(payloadSeen()).isEqualTo(payload);
    }

    @Test
    void ipv6AtomicFragmentIsAWholeDatagram() {
        Frames.Packet p = Frames.udp("2001:db8::1", 5000, "2001:db8::2", 6000).payloadLength(10);
        assertThat(decode(p.fragment(0, false).ethernet(p.ip(p.transport())))).isEqualTo(DecodeStatus.PACKET);
        assertThat(v.reassembled()).isFalse();
        assertThat(v.payloadWireLength()).isEqualTo(10);
        assertThat(counters.fragments(FragmentCounter.FRAGMENTS)).isZero();
    }

    @Test
    void ipv6WithHopByHopBeforeAndDestinationOptionsAfterTheFragmentHeader() {
        byte[] payload = pattern(1500, 18);
        Frames.Packet udp = Frames.udp("2001:db8::1", 7, "2001:db8::2", 9).payload(payload);
        ByteBuffer fragmentable = ByteBuffer.allocate(8 + 8 + payload.length);
        fragmentable.put(new byte[] {17, 0, 1, 4, 0, 0, 0, 0}).put(udp.transport());
        byte[] data = fragmentable.array();
        byte[] first = ipv6WithHopByHop(Arrays.copyOfRange(data, 0, 1000), 0, true);
        byte[] last = ipv6WithHopByHop(Arrays.copyOfRange(data, 1000, data.length), 1000, false);
        assertThat(decode(first)).isEqualTo(DecodeStatus.SKIPPED);
        assertThat(decode(last)).isEqualTo(DecodeStatus.PACKET);
        assertThat(v.reassembled()).isTrue();
        assertThat(v.isUdp()).isTrue();
        assertThat(v.srcPort()).isEqualTo(7);
        assertThat(v.ipLength()).isEqualTo(40 + 8 + data.length);
        assertThat(payloadSeen()).isEqualTo(payload);
    }

    /** IPv6 + hop-by-hop (8 bytes) + fragment header (next: destination options) + data, in Ethernet. */
    private static byte[] ipv6WithHopByHop(byte[] data, int offset, boolean more) {
        ByteBuffer b = ByteBuffer.allocate(14 + 40 + 8 + 8 + data.length);
        b.put(new byte[12]).putShort((short) 0x86dd);
        b.putInt(0x60000000).putShort((short) (16 + data.length)).put((byte) 0).put((byte) 64);
        b.put(Frames.udp("2001:db8::1", 7, "2001:db8::2", 9).ip(), 8, 32);
        b.put(new byte[] {44, 0, 1, 4, 0, 0, 0, 0});
        b.put((byte) 60).put((byte) 0).putShort((short) (offset | (more ? 1 : 0))).putInt(0xabcd);
        b.put(data);
        return b.array();
    }

    @Test
    void slotsAreReusedWithoutStaleBytes() {
        limits(new FragmentLimits(4, 65_535, 64, 30 * SECOND));
        for (int i = 0; i < 500; i++) {
            byte[] payload = pattern(100 + (i * 37) % 3000, i);
            Frames.Packet p = Frames.udp("10.0.0.1", 1, "10.0.0.2", 2).payload(payload).ipId(i);
            byte[] t = p.transport();
            int cut = (t.length / 2) & ~7;
            decode(frag(p, t, cut, t.length, false), i);
            assertThat(decode(frag(p, t, 0, cut, true), i)).isEqualTo(DecodeStatus.PACKET);
            assertThat(payloadSeen()).isEqualTo(payload);
        }
        assertThat(counters.fragments(FragmentCounter.REASSEMBLED)).isEqualTo(500);
    }

    @Test
    void randomFragmentsNeverThrowAndEveryFrameHasOneOutcome() {
        limits(new FragmentLimits(16, 65_535, 8, 2 * SECOND));
        Random r = new Random(7);
        int frames = 100_000;
        for (int i = 0; i < frames; i++) {
            boolean v6 = r.nextInt(4) == 0;
            Frames.Packet p = (v6 ? Frames.udp("2001:db8::1", 1, "2001:db8::2", 2) : Frames.udp("10.0.0.1", 1, "10.0.0.2", 2))
                    .ipId(r.nextInt(20));
            int start = r.nextInt(4) == 0 ? 0 : r.nextInt(9000) & ~(r.nextBoolean() ? 7 : 0);
            int len = r.nextInt(2000);
            byte[] body = new byte[len];
            r.nextBytes(body);
            byte[] f = p.fragment(Math.min(start, 65528) & ~7, r.nextInt(3) != 0).ethernet(p.ip(body));
            int cap = r.nextInt(10) == 0 ? r.nextInt(f.length + 1) : f.length;
            decoder.decode(f, 0, cap, f.length, LinkType.ETHERNET, i * 1_000_000L, v);
        }
        assertThat(counters.frames()).isEqualTo(frames);
        assertThat(counters.packets() + counters.skippedTotal() + counters.malformedTotal()).isEqualTo(frames);
        assertThat(decoder.fragmentDatagramsInFlight()).isLessThanOrEqualTo(16);
    }

    @Test
    void noAllocationPerFrameOnceWarm() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Frames.Packet p = Frames.udp("10.0.0.1", 1, "10.0.0.2", 2).payload(pattern(3000, 19));
        byte[] t = p.transport();
        byte[][] frames = {
            Frames.tcp("10.0.0.1", 1, "10.0.0.2", 2).payloadLength(100).ethernet(),
            Frames.udp("2001:db8::1", 1, "2001:db8::2", 2).payloadLength(100).ethernet(),
            frag(p, t, 0, 1480, true), frag(p, t, 1480, 2960, true), frag(p, t, 2960, t.length, false),
        };
        for (int warm = 0; warm < 20_000; warm++) {
            for (byte[] f : frames) {
                decode(f, warm);
            }
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 20_000; i++) {
            for (byte[] f : frames) {
                decode(f, i);
            }
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(allocated).as("bytes allocated decoding 100,000 frames").isLessThan(16_384);
    }
}
