package gatewatch.features.window;

import gatewatch.features.conn.ConnectionSummary;

/**
 * Finished connections waiting for their turn, earliest (start time, arrival number) first; the
 * arrival number breaks ties, so the order is deterministic.
 *
 * <p>Most connections arrive in start order (a flood or a scan is reported in the order its
 * attempts time out), so the buffer is a FIFO of connections that arrived in order, O(1) each,
 * plus a binary min-heap, O(log n), for those that arrived after a later-starting one. The
 * first is the earlier of the two heads. Fixed total capacity; capture thread only.
 */
final class ReorderBuffer {
    private final int capacity;
    private final long[] fifoStart;
    private final long[] fifoArrival;
    private final ConnectionSummary[] fifoConn;
    private final double[][] fifoFeatures;
    private int fifoHead;
    private int fifoSize;

    private final long[] heapStart;
    private final long[] heapArrival;
    private final ConnectionSummary[] heapConn;
    private final double[][] heapFeatures;
    private int heapSize;

    /** Whether the first is the FIFO's head (else the heap's top); valid while not empty. */
    private boolean firstInFifo;

    ReorderBuffer(int capacity) {
        this.capacity = capacity;
        fifoStart = new long[capacity];
        fifoArrival = new long[capacity];
        fifoConn = new ConnectionSummary[capacity];
        fifoFeatures = new double[capacity][];
        heapStart = new long[capacity];
        heapArrival = new long[capacity];
        heapConn = new ConnectionSummary[capacity];
        heapFeatures = new double[capacity][];
    }

    int size() {
        return fifoSize + heapSize;
    }

    boolean isEmpty() {
        return size() == 0;
    }

    boolean isFull() {
        return size() == capacity;
    }

    /** Adds a connection; the caller made room. Arrival numbers increase. */
    void offer(ConnectionSummary c, double[] v, long arrival) {
        long start = c.startNanos();
        if (fifoSize == 0 || start >= fifoStart[fifoIndex(fifoSize - 1)]) {
            int i = fifoIndex(fifoSize++);
            fifoStart[i] = start;
            fifoArrival[i] = arrival;
            fifoConn[i] = c;
            fifoFeatures[i] = v;
        } else {
            heapOffer(start, arrival, c, v);
        }
        pickFirst();
    }

    long firstStart() {
        return firstInFifo ? fifoStart[fifoHead] : heapStart[0];
    }

    ConnectionSummary firstConnection() {
        return firstInFifo ? fifoConn[fifoHead] : heapConn[0];
    }

    double[] firstFeatures() {
        return firstInFifo ? fifoFeatures[fifoHead] : heapFeatures[0];
    }

    /** Drops the first connection (read it with the accessors before). */
    void removeFirst() {
        if (firstInFifo) {
            fifoConn[fifoHead] = null;
            fifoFeatures[fifoHead] = null;
            fifoHead = fifoIndex(1);
            fifoSize--;
        } else {
            heapRemoveTop();
        }
        pickFirst();
    }

    private void pickFirst() {
        if (heapSize == 0) {
            firstInFifo = true;
        } else if (fifoSize == 0) {
            firstInFifo = false;
        } else {
            firstInFifo = before(fifoStart[fifoHead], fifoArrival[fifoHead], heapStart[0], heapArrival[0]);
        }
    }

    private int fifoIndex(int offset) {
        int i = fifoHead + offset;
        return i >= capacity ? i - capacity : i;
    }

    private void heapOffer(long s, long a, ConnectionSummary c, double[] v) {
        int i = heapSize++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(s, a, heapStart[parent], heapArrival[parent])) {
                break;
            }
            heapMove(parent, i);
            i = parent;
        }
        heapPut(i, s, a, c, v);
    }

    private void heapRemoveTop() {
        int last = --heapSize;
        long s = heapStart[last];
        long a = heapArrival[last];
        ConnectionSummary c = heapConn[last];
        double[] v = heapFeatures[last];
        heapConn[last] = null;
        heapFeatures[last] = null;
        if (last == 0) {
            return;
        }
        // Sift the former last element down from the root.
        int i = 0;
        int half = last >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < last && before(heapStart[right], heapArrival[right], heapStart[child], heapArrival[child])) {
                child = right;
            }
            if (!before(heapStart[child], heapArrival[child], s, a)) {
                break;
            }
            heapMove(child, i);
            i = child;
        }
        heapPut(i, s, a, c, v);
    }

    private void heapMove(int from, int to) {
        heapPut(to, heapStart[from], heapArrival[from], heapConn[from], heapFeatures[from]);
    }

    private void heapPut(int i, long s, long a, ConnectionSummary c, double[] v) {
        heapStart[i] = s;
        heapArrival[i] = a;
        heapConn[i] = c;
        heapFeatures[i] = v;
    }

    private static boolean before(long s1, long a1, long s2, long a2) {
        return s1 < s2 || (s1 == s2 && a1 < a2);
    }
}
