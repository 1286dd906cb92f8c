package gatewatch.features.window;

import gatewatch.features.conn.ConnectionSummary;

/**
 * Finished connections waiting for their turn, earliest start first: a binary min-heap over
 * parallel arrays keyed by (start time, arrival number). The arrival number breaks ties, so
 * connections with equal start times leave in the order they came and the result is
 * deterministic. Fixed capacity; O(log capacity) per connection. Capture thread only.
 */
final class ReorderBuffer {
    private final long[] start;
    private final long[] arrival;
    private final ConnectionSummary[] conns;
    private final double[][] features;
    private int size;

    ReorderBuffer(int capacity) {
        start = new long[capacity];
        arrival = new long[capacity];
        conns = new ConnectionSummary[capacity];
        features = new double[capacity][];
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    boolean isFull() {
        return size == conns.length;
    }

    /** Adds a connection; the caller made room. */
    void offer(ConnectionSummary c, double[] v, long arrivalNumber) {
        int i = size++;
        long s = c.startNanos();
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(s, arrivalNumber, parent)) {
                break;
            }
            set(i, parent);
            i = parent;
        }
        put(i, s, arrivalNumber, c, v);
    }

    long firstStart() {
        return start[0];
    }

    ConnectionSummary firstConnection() {
        return conns[0];
    }

    double[] firstFeatures() {
        return features[0];
    }

    /** Drops the first connection (read it with the accessors before). */
    void removeFirst() {
        int last = --size;
        long s = start[last];
        long a = arrival[last];
        ConnectionSummary c = conns[last];
        double[] v = features[last];
        conns[last] = null;
        features[last] = null;
        if (last == 0) {
            return;
        }
        // Sift the former last element down from the root.
        int i = 0;
        int half = last >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < last && before(start[right], arrival[right], child)) {
                child = right;
            }
            if (!before(start[child], arrival[child], s, a)) {
                break;
            }
            set(i, child);
            i = child;
        }
        put(i, s, a, c, v);
    }

    private boolean before(long s, long a, int j) {
        return before(s, a, start[j], arrival[j]);
    }

    private static boolean before(long s1, long a1, long s2, long a2) {
        return s1 < s2 || (s1 == s2 && a1 < a2);
    }

    private void set(int to, int from) {
        put(to, start[from], arrival[from], conns[from], features[from]);
    }

    private void put(int i, long s, long a, ConnectionSummary c, double[] v) {
        start[i] = s;
        arrival[i] = a;
        conns[i] = c;
        features[i] = v;
    }
}
