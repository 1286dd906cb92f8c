package gatewatch.features.conn;

/**
 * One doubly linked list of table slots per {@link TimeoutClass}, each in order of last
 * activity: a packet moves its connection to the tail, so the head of each list is the next to
 * expire and the sweep never scans the table. Links are int arrays indexed by slot, a slot's
 * two side by side: unlinking reads both, and a cold slot then costs one cache miss, not two.
 */
final class ExpiryLists {
    private static final int NONE = -1;
    /** links[2 × slot]: the previous slot in its list, links[2 × slot + 1]: the next. */
    private final int[] links;
    private final int[] head = new int[TimeoutClass.values().length];
    private final int[] tail = new int[TimeoutClass.values().length];

    ExpiryLists(int capacity) {
        links = new int[2 * capacity];
        java.util.Arrays.fill(head, NONE);
        java.util.Arrays.fill(tail, NONE);
    }

    /** Puts a connection at the tail of its class's list (removing it from where it was). */
    void touch(Connection c, TimeoutClass cls) {
        int s = c.slot;
        if (c.timeoutClass != null) {
            if (c.timeoutClass == cls && tail[cls.ordinal()] == s) {
                return; // the packet before was this connection's too: already last
            }
            unlink(c);
        }
        int t = tail[cls.ordinal()];
        links[2 * s] = t;
        links[2 * s + 1] = NONE;
        if (t == NONE) {
            head[cls.ordinal()] = s;
        } else {
            links[2 * t + 1] = s;
        }
        tail[cls.ordinal()] = s;
        c.timeoutClass = cls;
    }

    void unlink(Connection c) {
        int s = c.slot;
        int k = c.timeoutClass.ordinal();
        int p = links[2 * s];
        int n = links[2 * s + 1];
        if (p == NONE) {
            head[k] = n;
        } else {
            links[2 * p + 1] = n;
        }
        if (n == NONE) {
            tail[k] = p;
        } else {
            links[2 * n] = p;
        }
        c.timeoutClass = null;
    }

    /** The least recently active slot of a class, or -1. */
    int head(TimeoutClass cls) {
        return head[cls.ordinal()];
    }
}
