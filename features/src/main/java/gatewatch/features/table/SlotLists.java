package gatewatch.features.table;

import java.util.Arrays;

/**
 * Doubly linked lists of the slots of a {@link SlotIndex}, kept beside it for expiry and eviction:
 * a table appends a slot when it is used (or active) and so each list runs from the least recently
 * appended slot at its {@link #first} to the most recent at its {@link #last}. A timeout sweep or
 * an eviction then reads the first slots and never scans the table. Several lists share the links
 * (one per timeout class, say); a slot is in at most one of them, and its caller knows which.
 *
 * <p>Links are int arrays indexed by slot, a slot's two side by side: unlinking reads both, and
 * a cold slot then costs one cache miss, not two. Allocated once; not thread-safe.
 */
public final class SlotLists {
    /** No slot: an empty list's ends, a list's last slot's next. */
    public static final int NONE = -1;
    /** links[2 × slot]: the slot before it in its list, links[2 × slot + 1]: the one after. */
    private final int[] links;
    private final int[] first;
    private final int[] last;

    /** {@code lists} empty lists over slots {@code [0, capacity)}. */
    public SlotLists(int capacity, int lists) {
        links = new int[2 * capacity];
        first = new int[lists];
        last = new int[lists];
        Arrays.fill(first, NONE);
        Arrays.fill(last, NONE);
    }

    /** Appends {@code slot}, which is in no list, to the end of list {@code list}. */
    public void append(int list, int slot) {
        int t = last[list];
        links[2 * slot] = t;
        links[2 * slot + 1] = NONE;
        if (t == NONE) {
            first[list] = slot;
        } else {
            links[2 * t + 1] = slot;
        }
        last[list] = slot;
    }

    /** Takes {@code slot} out of list {@code list}, which holds it. */
    public void unlink(int list, int slot) {
        int p = links[2 * slot];
        int n = links[2 * slot + 1];
        if (p == NONE) {
            first[list] = n;
        } else {
            links[2 * p + 1] = n;
        }
        if (n == NONE) {
            last[list] = p;
        } else {
            links[2 * n] = p;
        }
    }

    /** The least recently appended slot of a list, or {@link #NONE}. */
    public int first(int list) {
        return first[list];
    }

    /** The most recently appended slot of a list, or {@link #NONE}. */
    public int last(int list) {
        return last[list];
    }
}
