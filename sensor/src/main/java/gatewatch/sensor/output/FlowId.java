package gatewatch.sensor.output;

import gatewatch.features.conn.ConnectionSummary;

/**
 * {@code flow_id}: the number (Suricata's name and kind) that one connection's alert, its
 * {@code --records} line and its {@code features --json} record share. It is a hash of the
 * connection's start time (ns), endpoints, protocol and ICMP type/code, so a capture replayed
 * again, or read by {@code features}, gives the same ids; two connections have one id only if all
 * of that is equal (a duplicated packet) or by a 53-bit collision. Kept below 2<sup>53</sup> so
 * that JavaScript and jq read it exactly (Suricata's 64-bit ids lose digits there).
 */
public final class FlowId {
    private static final long MASK_53 = (1L << 53) - 1;

    private FlowId() {
    }

    public static long of(ConnectionSummary c) {
        long h = 0x9E37_79B9_7F4A_7C15L;
        h = mix(h ^ c.startNanos());
        h = mix(h ^ c.origAddress().hi());
        h = mix(h ^ c.origAddress().lo());
        h = mix(h ^ c.respAddress().hi());
        h = mix(h ^ c.respAddress().lo());
        h = mix(h ^ ((long) c.origPort() << 48 | (long) c.respPort() << 32 | (long) c.ipProtocol() << 16
                | (long) c.icmpType() << 8 | c.icmpCode()));
        long id = h & MASK_53;
        // 0 reads as "no id" in many tools.
        return id != 0 ? id : 1;
    }

    /** SplitMix64's finaliser: every input bit moves every output bit. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return z ^ (z >>> 31);
    }
}
