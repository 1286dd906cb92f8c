package gatewatch.features.window;

import gatewatch.features.conn.ConnectionSummary;

/**
 * Finished connections waiting for their turn, earliest (start time, arrival number) first; the
 * arrival number breaks ties, so the order is deterministic.
 *
 * <p>Each waiting connection occupies a slot that also keeps, in primitive arrays, what the
 * windows need of it (destination, service key, source port, error class), copied when it
 * arrives: the connection's objects are cold by the time it leaves, and reading them again
 * would cost a cache miss each.
 *
 * <p>Most connections arrive in start order (a flood or a scan is reported in the order its
 * attempts time out), so slots wait in a FIFO of those that arrived in order, O(1) each, plus a
 * binary min-heap, O(log n), of those that arrived after a later-starting one. The first is the
 * earlier of the two heads. Fixed capacity; capture thread only.
 */
final class ReorderBuffer {
    private final int capacity;
    private final long[] start;
    private final long[] arrival;
    private final long[] hostHi;
    private final long[] hostLo;
    private final int[] serviceKey;
    private final int[] srcPort;
    private final ErrorClass[] error;
    private final ConnectionSummary[] conns;
    private final double[][] features;
    private final int[] freeSlots;
    private int freeTop;

    private final int[] fifo;
    private int fifoHead;
    private int fifoSize;
    private final int[] heap;
    private int heapSize;
    /** The slot that leaves next; valid while not empty. */
    private int first;

    ReorderBuffer(int capacity) {
        this.capacity = capacity;
        start = new long[capacity];
        arrival = new long[capacity];
        hostHi = new long[capacity];
        hostLo = new long[capacity];
        serviceKey = new int[capacity];
        srcPort = new int[capacity];
        error = new ErrorClass[capacity];
        conns = new ConnectionSummary[capacity];
        features = new double[capacity][];
        freeSlots = new int[capacity];
        for (int i = 0; i < capacity; i++) {
            freeSlots[i] = capacity - 1 - i;
        }
        freeTop = capacity;
        fifo = new int[capacity];
        heap = new int[capacity];
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

    /** Adds a connection with the window facts of it; the caller made room. Arrival numbers increase. */
    void offer(ConnectionSummary c, double[] v, long arrivalNumber, long hi, long lo, int service, int port,
            ErrorClass err) {
        int s = freeSlots[--freeTop];
        start[s] = c.startNanos();
        arrival[s] = arrivalNumber;
        hostHi[s] = hi;
        hostLo[s] = lo;
        serviceKey[s] = service;
        srcPort[s] = port;
        error[s] = err;
        conns[s] = c;
        features[s] = v;
        if (fifoSize == 0 || start[s] >= start[fifo[fifoIndex(fifoSize - 1)]]) {
            fifo[fifoIndex(fifoSize++)] = s;
        } else {
            heapOffer(s);
        }
        pickFirst();
    }

    long firstStart() {
        return start[first];
    }

    ConnectionSummary firstConnection() {
        return conns[first];
    }

    double[] firstFeatures() {
        return features[first];
    }

    long firstHostHi() {
        return hostHi[first];
    }

    long firstHostLo() {
        return hostLo[first];
    }

    int firstServiceKey() {
        return serviceKey[first];
    }

    int firstSrcPort() {
        return srcPort[first];
    }

    ErrorClass firstError() {
        return error[first];
    }

    /** Drops the first connection (read it with the accessors before). */
    void removeFirst() {
        int s = first;
        conns[s] = null;
        features[s] = null;
        freeSlots[freeTop++] = s;
        if (fifoSize > 0 && fifo[fifoHead] == s) {
            fifoHead = fifoIndex(1);
            fifoSize--;
        } else {
            heapRemoveTop();
        }
        pickFirst();
    }

    private void pickFirst() {
        if (heapSize == 0) {
            first = fifoSize > 0 ? fifo[fifoHead] : -1;
        } else if (fifoSize == 0 || before(heap[0], fifo[fifoHead])) {
            first = heap[0];
        } else {
            first = fifo[fifoHead];
        }
    }

    private int fifoIndex(int offset) {
        int i = fifoHead + offset;
        return i >= capacity ? i - capacity : i;
    }

    private boolean before(int a, int b) {
        return start[a] < start[b] || (start[a] == start[b] && arrival[a] < arrival[b]);
    }

    private void heapOffer(int s) {
        int i = heapSize++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(s, heap[parent])) {
                break;
            }
            heap[i] = heap[parent];
            i = parent;
        }
        heap[i] = s;
    }

    private void heapRemoveTop() {
        int last = --heapSize;
        int s = heap[last];
        if (last == 0) {
            return;
        }
        // Sift the former last element down from the root.
        int i = 0;
        int half = last >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < last && before(heap[right], heap[child])) {
                child = right;
            }
            if (!before(heap[child], s)) {
                break;
            }
            heap[i] = heap[child];
            i = child;
        }
        heap[i] = s;
    }
}
