package gatewatch.features.counting;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A fixed set of counters that one thread writes and any thread reads, as Agrona's counters and
 * Suricata's per-thread stats publish them.
 *
 * <p>Plain {@code long} fields read from another thread are not promised to be "slightly stale":
 * the reader may see a torn value or one the compiler keeps in a register for ever. Here the
 * writer stores each new value with an opaque write and readers load it with an opaque read:
 * whole 64-bit values, eventually visible, in each counter's own order; nothing orders one counter
 * against another, which metrics do not need. The writer reads its own values plainly. On x86 and
 * ARM an opaque store is an ordinary store: no fence, no lock, no allocation on the per-packet path.
 */
public final class SingleWriterCounters {
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(long[].class);

    private final long[] slots;

    public SingleWriterCounters(int size) {
        slots = new long[size];
    }

    /** Adds one to counter {@code i}. Writer thread only. */
    public void increment(int i) {
        SLOT.setOpaque(slots, i, slots[i] + 1);
    }

    /** Adds {@code n} to counter {@code i}. Writer thread only. */
    public void add(int i, long n) {
        SLOT.setOpaque(slots, i, slots[i] + n);
    }

    /** Raises counter {@code i} to {@code value} if it is lower (a high-water mark). Writer thread only. */
    public void max(int i, long value) {
        if (value > slots[i]) {
            SLOT.setOpaque(slots, i, value);
        }
    }

    /** Counter {@code i}. Any thread. */
    public long get(int i) {
        return (long) SLOT.getOpaque(slots, i);
    }

    /** The sum of all counters. Any thread. */
    public long sum() {
        long sum = 0;
        for (int i = 0; i < slots.length; i++) {
            sum += get(i);
        }
        return sum;
    }
}
