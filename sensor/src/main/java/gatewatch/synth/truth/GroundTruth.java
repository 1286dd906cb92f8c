package gatewatch.synth.truth;

import gatewatch.features.kdd.ProtocolType;
import gatewatch.synth.scenario.ScenarioKind;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * The synthesizer's ground truth held in memory: every connection of the capture with its
 * scenario, looked up by the key of the record the extractor makes of it. Kept in flat arrays
 * (22 bytes a connection) in start order, as the synthesizer delivers them, so that the truth of
 * the demo's largest capture fits beside the replay.
 */
public final class GroundTruth implements TruthListener {
    private static final ScenarioKind[] KINDS = ScenarioKind.values();
    private static final ProtocolType[] PROTOCOLS = ProtocolType.values();

    private long[] start = new long[1024];
    private int[] orig = new int[1024];
    private int[] resp = new int[1024];
    private int[] ports = new int[1024];
    private byte[] protocol = new byte[1024];
    private byte[] kind = new byte[1024];
    private int size;

    @Override
    public void connection(TrueConnection c) {
        if (size > 0 && c.startNanos() < start[size - 1]) {
            // The lookup's binary search relies on it; the scheduler writes packets in time order.
            throw new IllegalArgumentException("connections must come in start order: " + c.startNanos()
                    + " after " + start[size - 1]);
        }
        if (size == start.length) {
            int n = size * 2;
            start = Arrays.copyOf(start, n);
            orig = Arrays.copyOf(orig, n);
            resp = Arrays.copyOf(resp, n);
            ports = Arrays.copyOf(ports, n);
            protocol = Arrays.copyOf(protocol, n);
            kind = Arrays.copyOf(kind, n);
        }
        start[size] = c.startNanos();
        orig[size] = c.orig();
        resp[size] = c.resp();
        ports[size] = c.origPort() << 16 | c.respPort();
        protocol[size] = (byte) c.protocol().ordinal();
        kind[size] = (byte) c.kind().ordinal();
        size++;
    }

    /** Connections in the truth. */
    public int size() {
        return size;
    }

    /**
     * The index of the connection with exactly this key, or -1.
     *
     * @param startNanos the record's start, to the nanosecond
     */
    public int indexOf(long startNanos, ProtocolType p, int origAddress, int origPort, int respAddress, int respPort) {
        int i = Arrays.binarySearch(start, 0, size, startNanos);
        if (i < 0) {
            return -1;
        }
        while (i > 0 && start[i - 1] == startNanos) {
            i--;
        }
        int portPair = origPort << 16 | respPort;
        for (; i < size && start[i] == startNanos; i++) {
            if (protocol[i] == p.ordinal() && orig[i] == origAddress && resp[i] == respAddress && ports[i] == portPair) {
                return i;
            }
        }
        return -1;
    }

    public ScenarioKind kind(int index) {
        return KINDS[kind[index]];
    }

    public TrueConnection get(int index) {
        return new TrueConnection(start[index], PROTOCOLS[protocol[index]], orig[index], ports[index] >>> 16,
                resp[index], ports[index] & 0xffff, kind(index));
    }

    /** Connections per scenario. */
    public Map<ScenarioKind, Long> counts() {
        Map<ScenarioKind, Long> counts = new EnumMap<>(ScenarioKind.class);
        for (int i = 0; i < size; i++) {
            counts.merge(kind(i), 1L, Long::sum);
        }
        return counts;
    }
}
