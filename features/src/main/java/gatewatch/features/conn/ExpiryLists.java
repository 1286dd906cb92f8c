package gatewatch.features.conn;

/**
 * One doubly linked list of table slots per {@link TimeoutClass}, each in order of last
 * activity: a packet moves its connection to the tail, so the head of each list is the next to
 * expire and the sweep never scans the table. Links are int arrays indexed by slot.
 */
final class ExpiryLists {
    private static final int NONE = -1;
    private final int[] prev;
    private final int[] next;
    private final int[] head = new int[TimeoutClass.values().length];
    private final int[] tail = new int[TimeoutClass.values().length];

    ExpiryLists(int capacity) {
        prev = new int[capacity];
        next = new int[capacity];
        java.util.Arrays.fill(head, NONE);
        java.util.Arrays.fill(tail, NONE);
    }

    /** Puts a connection at the tail of its class's list (removing it from where it was). */
    void touch(Connection c, TimeoutClass cls) {
        if (c.timeoutClass != null) {
            unlink(c);
        }
        int s = c.slot;
        int t = tail[cls.ordinal()];
        prev[s] = t;
        next[s] = NONE;
        if (t == NONE) {
            head[cls.ordinal()] = s;
        } else {
            next[t] = s;
        }
        tail[cls.ordinal()] = s;
        c.timeoutClass = cls;
    }

    void unlink(Connection c) {
        int s = c.slot;
        int k = c.timeoutClass.ordinal();
        int p = prev[s];
        int n = next[s];
        if (p == NONE) {
            head[k] = n;
        } else {
            next[p] = n;
        }
        if (n == NONE) {
            tail[k] = p;
        } else {
            prev[n] = p;
        }
        c.timeoutClass = null;
    }

    /** The least recently active slot of a class, or -1. */
    int head(TimeoutClass cls) {
        return head[cls.ordinal()];
    }
}
