package gatewatch.features.window;

import gatewatch.features.conn.ConnectionSummary;
import gatewatch.features.conn.OpenConnection;

/**
 * Connections that have started but are not yet placed in the windows, in start order: a FIFO
 * indexed by ticket (the connection's number in start order). Each slot keeps, in primitive
 * arrays, what the windows need of the connection (start, destination, service key, source
 * port), copied when it starts, and once it has finished its summary, feature array and class.
 * Fixed capacity; capture thread only.
 */
final class StartQueue {
    private final int mask;
    private final long[] start;
    private final long[] hostHi;
    private final long[] hostLo;
    private final int[] serviceKey;
    private final int[] srcPort;
    private final boolean[] finished;
    private final ErrorClass[] error;
    private final OpenConnection[] handles;
    private final ConnectionSummary[] conns;
    private final double[][] features;
    private final int capacity;
    /** Ticket of the first waiting connection. */
    private long head;
    /** Ticket the next connection gets. */
    private long tail;

    StartQueue(int capacity) {
        this.capacity = capacity;
        int size = Integer.highestOneBit(Math.max(2, capacity) * 2 - 1);
        mask = size - 1;
        start = new long[size];
        hostHi = new long[size];
        hostLo = new long[size];
        serviceKey = new int[size];
        srcPort = new int[size];
        finished = new boolean[size];
        error = new ErrorClass[size];
        handles = new OpenConnection[size];
        conns = new ConnectionSummary[size];
        features = new double[size][];
    }

    int size() {
        return (int) (tail - head);
    }

    boolean isEmpty() {
        return tail == head;
    }

    boolean isFull() {
        return size() == capacity;
    }

    /** Ticket of the first waiting connection (valid while not empty). */
    long head() {
        return head;
    }

    /** Whether {@code ticket} is still waiting here. */
    boolean holds(long ticket) {
        return ticket >= head && ticket < tail;
    }

    /** Adds a connection that has just started; the caller made room. Returns its ticket. */
    long add(long startNanos, long hi, long lo, int service, int port, OpenConnection handle) {
        long t = tail++;
        int i = (int) t & mask;
        start[i] = startNanos;
        hostHi[i] = hi;
        hostLo[i] = lo;
        serviceKey[i] = service;
        srcPort[i] = port;
        finished[i] = false;
        handles[i] = handle;
        return t;
    }

    /** A waiting connection finished. */
    void finish(long ticket, ConnectionSummary c, double[] v, ErrorClass err) {
        int i = (int) ticket & mask;
        finished[i] = true;
        error[i] = err;
        conns[i] = c;
        features[i] = v;
        handles[i] = null;
    }

    long firstStart() {
        return start[(int) head & mask];
    }

    long firstHostHi() {
        return hostHi[(int) head & mask];
    }

    long firstHostLo() {
        return hostLo[(int) head & mask];
    }

    int firstServiceKey() {
        return serviceKey[(int) head & mask];
    }

    int firstSrcPort() {
        return srcPort[(int) head & mask];
    }

    boolean firstFinished() {
        return finished[(int) head & mask];
    }

    ErrorClass firstError() {
        return error[(int) head & mask];
    }

    OpenConnection firstHandle() {
        return handles[(int) head & mask];
    }

    ConnectionSummary firstConnection() {
        return conns[(int) head & mask];
    }

    double[] firstFeatures() {
        return features[(int) head & mask];
    }

    /** Drops the first connection (read it with the accessors before). */
    void removeFirst() {
        int i = (int) head++ & mask;
        handles[i] = null;
        conns[i] = null;
        features[i] = null;
    }
}
