package gatewatch.features.content;

/**
 * One direction of a TCP stream, put back in order within bounds and handed to a {@link ByteSink}.
 *
 * <ul>
 *   <li>In-order bytes go straight to the sink (no copy).</li>
 *   <li>Bytes already delivered (retransmissions, overlaps) are dropped: each stream byte is
 *       delivered once, the first copy wins.</li>
 *   <li>A segment ahead of the next expected byte is copied into a reorder ring (taken from the
 *       pool on first need) while it lies within the reorder window and at most {@link #MAX_HOLES}
 *       separate ranges are held; when the hole before it is filled, the held bytes follow.</li>
 *   <li>A segment that cannot be held (beyond the window, too many ranges, no buffer) forces a
 *       skip: what is held is delivered with a {@link ByteSink#gap()} at each hole, then the
 *       segment. A hole still open at the end is skipped the same way.</li>
 *   <li>When the peer acknowledges bytes of a hole while later bytes are held, the peer has them
 *       and the capture lost them: the hole is skipped at once, so that the held bytes are parsed
 *       before the peer's answer to them.</li>
 *   <li>Bytes at or past the stream budget are dropped and counted.</li>
 * </ul>
 *
 * <p>Offsets are stream offsets as the tracker gives them (0 = the first byte after the SYN).
 * Capture thread only.
 */
final class StreamReassembler {
    static final int MAX_HOLES = 8;

    private final ContentCounters counters;
    private final BufferPool pool;
    private final long budget;
    private final int window;
    private ByteSink sink;
    private long next;
    private byte[] ring;
    private final long[] heldStart = new long[MAX_HOLES];
    private final long[] heldEnd = new long[MAX_HOLES];
    private int held;
    /** Raw sequence number of stream offset 0, known from the first segment. */
    private int base;
    private boolean baseKnown;

    StreamReassembler(ContentCounters counters, BufferPool pool, int budget, int window) {
        this.counters = counters;
        this.pool = pool;
        this.budget = budget;
        this.window = window;
    }

    void start(ByteSink target) {
        this.sink = target;
        next = 0;
        held = 0;
        baseKnown = false;
    }

    /**
     * One segment's payload: {@code capLen} bytes captured at {@code off}, of {@code wireLen}
     * on the wire (a snapped capture keeps fewer; the rest is a hole that never fills).
     */
    void segment(long offset, int seq, byte[] b, int off, int capLen, int wireLen) {
        if (!baseKnown) {
            base = seq - (int) offset;
            baseKnown = true;
        }
        long s = offset;
        long e = offset + capLen;
        if (e > budget) {
            long cut = e - Math.max(s, budget);
            counters.bytesOverBudget += cut;
            e = Math.max(s, budget);
            if (e <= s) {
                return;
            }
        }
        if (e <= next) {
            counters.bytesOverlapping += e - s;
            return;
        }
        if (s < next) {
            counters.bytesOverlapping += next - s;
            off += (int) (next - s);
            s = next;
        }
        if (s == next) {
            deliver(b, off, (int) (e - s));
            next = e;
            if (capLen < wireLen && offset + wireLen > next && next < budget) {
                skipTo(Math.min(offset + wireLen, budget));
            }
            drainHeld();
        } else if (!hold(s, e, b, off)) {
            flushHeld();
            skipTo(s);
            deliver(b, off, (int) (e - s));
            next = e;
        }
    }

    /**
     * The peer acknowledged up to raw sequence number {@code ack}. A hole below it, with bytes held
     * after it, will not be filled by the network: it is skipped now.
     */
    void acknowledged(int ack) {
        if (!baseKnown || held == 0) {
            return;
        }
        long acked = next + (ack - (base + (int) next));
        if (acked <= next || heldStart[0] >= acked) {
            return;
        }
        int i = 0;
        while (i < held && heldStart[i] < acked) {
            skipTo(heldStart[i]);
            if (heldEnd[i] > next) {
                deliverHeld(Math.max(next, heldStart[i]), heldEnd[i]);
                next = heldEnd[i];
            }
            i++;
        }
        removeFirst(i);
        drainHeld();
    }

    /** End of the stream: a hole still open is skipped so that the held bytes are parsed. */
    void end() {
        flushHeld();
        release();
    }

    /** Gives the reorder buffer back; the stream is done. */
    void release() {
        if (ring != null) {
            pool.give(ring);
            ring = null;
        }
        held = 0;
        sink = null;
    }

    /** Next stream offset to be delivered (for tests). */
    long next() {
        return next;
    }

    private void deliver(byte[] b, int off, int len) {
        if (len > 0) {
            counters.bytesReassembled += len;
            sink.data(b, off, len);
        }
    }

    private void skipTo(long offset) {
        if (offset > next) {
            counters.gaps++;
            sink.gap();
            next = offset;
        }
    }

    /** Copies an out-of-order range into the ring; false when it cannot be held. */
    private boolean hold(long s, long e, byte[] b, int off) {
        if (e - next > window) {
            return false;
        }
        if (ring == null && (ring = pool.take()) == null) {
            return false;
        }
        int i = 0;
        while (i < held && heldEnd[i] < s) {
            i++;
        }
        // Ranges i..j-1 touch or overlap [s, e): they merge into one.
        int j = i;
        long mergedStart = s;
        long mergedEnd = e;
        long alreadyHeld = 0;
        while (j < held && heldStart[j] <= e) {
            alreadyHeld += Math.max(0, Math.min(e, heldEnd[j]) - Math.max(s, heldStart[j]));
            mergedStart = Math.min(mergedStart, heldStart[j]);
            mergedEnd = Math.max(mergedEnd, heldEnd[j]);
            j++;
        }
        if (j == i && held == MAX_HOLES) {
            return false;
        }
        copyIn(s, b, off, (int) (e - s));
        counters.bytesOverlapping += alreadyHeld;
        counters.segmentsHeld++;
        int removed = j - i;
        if (removed == 0) {
            System.arraycopy(heldStart, i, heldStart, i + 1, held - i);
            System.arraycopy(heldEnd, i, heldEnd, i + 1, held - i);
            held++;
        } else if (removed > 1) {
            System.arraycopy(heldStart, j, heldStart, i + 1, held - j);
            System.arraycopy(heldEnd, j, heldEnd, i + 1, held - j);
            held -= removed - 1;
        }
        heldStart[i] = mergedStart;
        heldEnd[i] = mergedEnd;
        return true;
    }

    private void copyIn(long s, byte[] b, int off, int len) {
        int pos = (int) (s % window);
        int first = Math.min(len, window - pos);
        System.arraycopy(b, off, ring, pos, first);
        if (first < len) {
            System.arraycopy(b, off + first, ring, 0, len - first);
        }
    }

    private void deliverHeld(long from, long to) {
        int pos = (int) (from % window);
        int len = (int) (to - from);
        int first = Math.min(len, window - pos);
        deliver(ring, pos, first);
        if (first < len) {
            deliver(ring, 0, len - first);
        }
    }

    /** Delivers held ranges that now continue the stream. */
    private void drainHeld() {
        int done = 0;
        while (done < held && heldStart[done] <= next) {
            if (heldEnd[done] > next) {
                deliverHeld(next, heldEnd[done]);
                next = heldEnd[done];
            }
            done++;
        }
        removeFirst(done);
    }

    /** Delivers every held range, skipping the holes between them. */
    private void flushHeld() {
        for (int i = 0; i < held; i++) {
            skipTo(heldStart[i]);
            if (heldEnd[i] > next) {
                deliverHeld(Math.max(next, heldStart[i]), heldEnd[i]);
                next = heldEnd[i];
            }
        }
        held = 0;
    }

    private void removeFirst(int n) {
        if (n > 0) {
            System.arraycopy(heldStart, n, heldStart, 0, held - n);
            System.arraycopy(heldEnd, n, heldEnd, 0, held - n);
            held -= n;
        }
    }
}
