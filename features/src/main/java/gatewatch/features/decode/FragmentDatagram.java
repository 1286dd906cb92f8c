package gatewatch.features.decode;

import java.util.Arrays;

/**
 * One IP datagram being reassembled: its key, the byte ranges of the fragments seen so far, and a
 * buffer with the first fragment's header and the data. Slots are made once by
 * {@link FragmentTable} and reused; the buffer grows (to at most the byte limit) only while a slot
 * meets larger datagrams than before, so a warm table allocates nothing.
 *
 * <p><b>Wrong fragments.</b> A fragment is wrong, and counted once however many of these it
 * breaks, when it
 * <ul>
 *   <li>overlaps a fragment already held, unless it is an exact copy of one (same offset, same
 *       length, same bytes: a retransmitted or twice-captured fragment, ignored as a duplicate).
 *       Overlaps are how teardrop crashed stacks and how IDS evasion rewrites bytes (RFC 5722 has
 *       IPv6 receivers drop such datagrams; Linux drops IPv4 ones too);</li>
 *   <li>ends past what a datagram can hold: IP header plus data beyond 65,535 bytes (ping of death);</li>
 *   <li>is not the last fragment and carries a length that is not a multiple of 8, so the next
 *       offset cannot follow it (RFC 791, RFC 8200);</li>
 *   <li>carries no data (Linux drops the whole datagram for it);</li>
 *   <li>contradicts the datagram's end: a second last fragment with another end, a last fragment
 *       ending before data already held, or a fragment reaching past a known end.</li>
 * </ul>
 *
 * <p><b>Completion.</b> A datagram is complete when its last fragment is known and the ranges
 * held cover every byte before its end. With no wrong fragment it is delivered whole. With one or
 * more, it cannot be reassembled validly; it is then delivered as its first fragment (offset 0,
 * which carries the transport header), as the KDD data shows such datagrams became connection
 * records with the first fragment's bytes. The first fragment's bytes are therefore always kept
 * as they arrived: a later fragment's bytes are written only when it is not wrong, which is also
 * the only case where they are read again.
 *
 * <p>Buffer layout: {@code [0, HEADROOM)} room for the first fragment's header, which ends at
 * {@link #HEADROOM}; a fragment at offset {@code o} goes to {@code HEADROOM + o}.
 */
final class FragmentDatagram {
    /** Room for the largest IPv4 header, or an IPv6 header with its unfragmentable extension headers. */
    static final int HEADROOM = 512;
    static final int HELD = 0;
    static final int DUPLICATE = 1;
    static final int COMPLETE = 2;
    static final int OVER_LIMIT = 3;
    private static final int INITIAL_DATA = 2048;

    // The key and age, set by the table.
    int version;
    int protocol;
    long id;
    long srcHi;
    long srcLo;
    long dstHi;
    long dstLo;
    long created;

    private final int maxBytes;
    /** Ranges of the fragments held, sorted by start. */
    private final int[] starts;
    private final int[] ends;
    private final int[] capEnds;
    private final boolean[] written;
    private final boolean[] lasts;
    private int count;
    private byte[] buf;
    private int lastEnd;
    private int maxSeenEnd;
    private int firstLength;
    private int firstCapLength;
    private int headerLength;
    private int nextHeaderField;
    private int wrong;

    FragmentDatagram(int maxFragments, int maxBytes) {
        this.maxBytes = maxBytes;
        starts = new int[maxFragments];
        ends = new int[maxFragments];
        capEnds = new int[maxFragments];
        written = new boolean[maxFragments];
        lasts = new boolean[maxFragments];
    }

    boolean matches(int version, int protocol, long id, long srcHi, long srcLo, long dstHi, long dstLo) {
        return this.id == id && this.srcLo == srcLo && this.dstLo == dstLo && this.srcHi == srcHi
                && this.dstHi == dstHi && this.protocol == protocol && this.version == version;
    }

    void reset(long now) {
        created = now;
        count = 0;
        lastEnd = -1;
        maxSeenEnd = 0;
        firstLength = -1;
        firstCapLength = 0;
        headerLength = 0;
        nextHeaderField = 0;
        wrong = 0;
    }

    /** Adds a fragment; returns {@link #HELD}, {@link #DUPLICATE}, {@link #COMPLETE} or {@link #OVER_LIMIT}. */
    int add(Fragment f) {
        int start = f.start;
        int end = f.end();
        int capEnd = start + f.capLength;
        int same = indexOf(start, end);
        if (same >= 0 && written[same] && capEnds[same] == capEnd && lasts[same] == !f.more
                && Arrays.equals(f.buf, f.dataOffset, f.dataOffset + f.capLength, buf, HEADROOM + start, HEADROOM + capEnd)) {
            return DUPLICATE;
        }
        boolean bad = f.length == 0
                || (f.more && (f.length & 7) != 0)
                || end > f.maxEnd
                || (lastEnd >= 0 && (f.more ? end > lastEnd : end != lastEnd))
                || (!f.more && maxSeenEnd > end)
                || overlaps(start, end);
        boolean first = start == 0 && firstLength < 0;
        if (count == starts.length || (!bad && end > maxBytes) || (first && f.headerLength > HEADROOM)) {
            return OVER_LIMIT;
        }
        boolean write = first || !bad;
        int writeEnd = Math.min(capEnd, maxBytes);
        if (write && writeEnd > start) {
            ensureCapacity(HEADROOM + writeEnd);
            System.arraycopy(f.buf, f.dataOffset, buf, HEADROOM + start, writeEnd - start);
        }
        if (first) {
            ensureCapacity(HEADROOM);
            System.arraycopy(f.buf, f.headerOffset, buf, HEADROOM - f.headerLength, f.headerLength);
            headerLength = f.headerLength;
            nextHeaderField = f.nextHeaderField;
            firstLength = f.length;
            firstCapLength = Math.max(0, writeEnd - start);
        }
        insert(start, end, capEnd, write && writeEnd == capEnd, !f.more);
        if (!f.more && lastEnd < 0) {
            lastEnd = end;
        }
        maxSeenEnd = Math.max(maxSeenEnd, end);
        if (bad) {
            wrong++;
        }
        return isComplete() ? COMPLETE : HELD;
    }

    /** The last fragment is known and the ranges held leave no hole before its end. */
    private boolean isComplete() {
        if (lastEnd < 0) {
            return false;
        }
        int reach = 0;
        for (int i = 0; i < count && reach < lastEnd; i++) {
            if (starts[i] > reach) {
                return false;
            }
            reach = Math.max(reach, ends[i]);
        }
        return reach >= lastEnd;
    }

    /** Data bytes captured without a gap from offset 0 (less than the datagram when frames were snapped). */
    int capturedPrefix() {
        int reach = 0;
        for (int i = 0; i < count && starts[i] <= reach; i++) {
            if (written[i]) {
                reach = Math.max(reach, capEnds[i]);
            }
        }
        return Math.min(reach, lastEnd);
    }

    private int indexOf(int start, int end) {
        for (int i = 0; i < count; i++) {
            if (starts[i] == start && ends[i] == end) {
                return i;
            }
        }
        return -1;
    }

    private boolean overlaps(int start, int end) {
        for (int i = 0; i < count; i++) {
            if (starts[i] < end && start < ends[i]) {
                return true;
            }
        }
        return false;
    }

    private void insert(int start, int end, int capEnd, boolean isWritten, boolean isLast) {
        int at = count;
        while (at > 0 && starts[at - 1] > start) {
            at--;
        }
        int tail = count - at;
        System.arraycopy(starts, at, starts, at + 1, tail);
        System.arraycopy(ends, at, ends, at + 1, tail);
        System.arraycopy(capEnds, at, capEnds, at + 1, tail);
        System.arraycopy(written, at, written, at + 1, tail);
        System.arraycopy(lasts, at, lasts, at + 1, tail);
        starts[at] = start;
        ends[at] = end;
        capEnds[at] = capEnd;
        written[at] = isWritten;
        lasts[at] = isLast;
        count++;
    }

    private void ensureCapacity(int needed) {
        if (buf != null && buf.length >= needed) {
            return;
        }
        int size = Math.max(needed, buf == null ? HEADROOM + INITIAL_DATA : Math.min(buf.length * 2, HEADROOM + maxBytes));
        buf = buf == null ? new byte[size] : Arrays.copyOf(buf, size);
    }

    byte[] buffer() {
        return buf;
    }

    int wrongFragments() {
        return wrong;
    }

    int lastEnd() {
        return lastEnd;
    }

    int firstLength() {
        return firstLength;
    }

    int firstCapLength() {
        return firstCapLength;
    }

    /** Bytes of the first fragment's header kept before {@link #HEADROOM}. */
    int headerLength() {
        return headerLength;
    }

    int nextHeaderField() {
        return nextHeaderField;
    }
}
