package gatewatch.features.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StreamReassemblerTest {
    /** Records what reaches the parser; '|' marks a gap. */
    private static final class Recorder implements ByteSink {
        final StringBuilder out = new StringBuilder();

        @Override
        public void data(byte[] b, int off, int len) {
            out.append(new String(b, off, len, StandardCharsets.ISO_8859_1));
        }

        @Override
        public void gap() {
            out.append('|');
        }
    }

    private final ContentCounters counters = new ContentCounters();
    private final Recorder sink = new Recorder();

    private StreamReassembler reassembler(int budget, int window) {
        StreamReassembler r = new StreamReassembler(counters, new BufferPool(window, 2), budget, window);
        r.start(sink);
        return r;
    }

    private static void seg(StreamReassembler r, long offset, String s) {
        byte[] b = ("xx" + s).getBytes(StandardCharsets.ISO_8859_1);
        r.segment(offset, 1000 + (int) offset, b, 2, s.length(), s.length());
    }

    @Test
    void inOrderSegmentsPassStraightThrough() {
        StreamReassembler r = reassembler(1000, 64);
        seg(r, 0, "USER ");
        seg(r, 5, "bob\r\n");
        assertThat(sink.out).hasToString("USER bob\r\n");
        assertThat(counters.bytesReassembled).isEqualTo(10);
        assertThat(counters.gaps).isZero();
    }

    @Test
    void outOfOrderSegmentIsHeldUntilTheHoleFills() {
        StreamReassembler r = reassembler(1000, 64);
        seg(r, 0, "ab");
        seg(r, 4, "ef");
        seg(r, 6, "gh");
        assertThat(sink.out).hasToString("ab");
        seg(r, 2, "cd");
        assertThat(sink.out).hasToString("abcdefgh");
        assertThat(counters.segmentsHeld).isEqualTo(2);
        assertThat(counters.gaps).isZero();
    }

    @Test
    void retransmissionsAndOverlapsAreDeliveredOnce() {
        StreamReassembler r = reassembler(1000, 64);
        seg(r, 0, "abcd");
        seg(r, 0, "abcd");
        seg(r, 2, "cdef");
        assertThat(sink.out).hasToString("abcdef");
        assertThat(counters.bytesOverlapping).isEqualTo(6);
    }

    @Test
    void overlappingHeldRangesMerge() {
        StreamReassembler r = reassembler(1000, 64);
        seg(r, 0, "a");
        seg(r, 3, "de");
        seg(r, 4, "efg");
        seg(r, 2, "c");
        assertThat(sink.out).hasToString("a");
        seg(r, 1, "b");
        assertThat(sink.out).hasToString("abcdefg");
        assertThat(counters.bytesOverlapping).isEqualTo(1);
    }

    @Test
    void holeNeverFilledIsSkippedAtTheEnd() {
        StreamReassembler r = reassembler(1000, 64);
        seg(r, 0, "ab");
        seg(r, 5, "fg");
        r.end();
        assertThat(sink.out).hasToString("ab|fg");
        assertThat(counters.gaps).isEqualTo(1);
    }

    @Test
    void segmentBeyondTheWindowForcesASkip() {
        StreamReassembler r = reassembler(1000, 8);
        seg(r, 0, "ab");
        seg(r, 4, "ef");
        seg(r, 20, "uv");
        assertThat(sink.out).hasToString("ab|ef|uv");
        assertThat(r.next()).isEqualTo(22);
        assertThat(counters.gaps).isEqualTo(2);
        seg(r, 2, "cd");
        assertThat(sink.out).hasToString("ab|ef|uv");
    }

    @Test
    void tooManyHolesForceASkip() {
        StreamReassembler r = reassembler(1000, 4096);
        seg(r, 0, "a");
        for (int i = 0; i < StreamReassembler.MAX_HOLES; i++) {
            seg(r, 2 + 2L * i, "x");
        }
        assertThat(sink.out).hasToString("a");
        seg(r, 100, "z");
        assertThat(sink.out.toString()).startsWith("a|x|x").endsWith("|z");
    }

    @Test
    void noReorderBufferMeansEveryHoleIsAGap() {
        StreamReassembler r = reassembler(1000, 0);
        seg(r, 0, "ab");
        seg(r, 4, "ef");
        seg(r, 2, "cd");
        assertThat(sink.out).hasToString("ab|ef");
    }

    @Test
    void acknowledgedHoleIsSkippedAtOnce() {
        StreamReassembler r = reassembler(1000, 64);
        seg(r, 0, "ab");
        seg(r, 4, "ef");
        r.acknowledged(1000 + 3);
        assertThat(sink.out).as("part of the hole may still come").hasToString("ab");
        r.acknowledged(1000 + 5);
        assertThat(sink.out).hasToString("ab|ef");
        assertThat(r.next()).isEqualTo(6);
        seg(r, 2, "cd");
        assertThat(sink.out).hasToString("ab|ef");
    }

    @Test
    void acknowledgementWithoutAHoleChangesNothing() {
        StreamReassembler r = reassembler(1000, 64);
        seg(r, 0, "ab");
        r.acknowledged(1000 + 10);
        seg(r, 2, "cd");
        assertThat(sink.out).hasToString("abcd");
        assertThat(counters.gaps).isZero();
    }

    @Test
    void bytesPastTheBudgetAreDroppedAndCounted() {
        StreamReassembler r = reassembler(6, 64);
        seg(r, 0, "abcd");
        seg(r, 4, "efgh");
        seg(r, 8, "ijkl");
        assertThat(sink.out).hasToString("abcdef");
        assertThat(counters.bytesOverBudget).isEqualTo(6);
        r.end();
        assertThat(counters.gaps).isZero();
    }

    @Test
    void snappedSegmentLeavesAGapForItsMissingTail() {
        StreamReassembler r = reassembler(1000, 64);
        byte[] b = "abcdef".getBytes(StandardCharsets.ISO_8859_1);
        r.segment(0, 1000, b, 0, 3, 6);
        seg(r, 6, "gh");
        assertThat(sink.out).hasToString("abc|gh");
    }

    @Test
    void heldRingWrapsAround() {
        StreamReassembler r = reassembler(1000, 8);
        seg(r, 0, "abcdef");
        seg(r, 8, "ijklmn");
        seg(r, 6, "gh");
        assertThat(sink.out).hasToString("abcdefghijklmn");
    }

    @Test
    void reorderBufferIsReturnedToThePool() {
        BufferPool pool = new BufferPool(16, 1);
        StreamReassembler r = new StreamReassembler(counters, pool, 1000, 16);
        for (int i = 0; i < 3; i++) {
            r.start(sink);
            seg(r, 0, "a");
            seg(r, 2, "c");
            r.end();
        }
        assertThat(pool.made()).isEqualTo(1);
    }
}
