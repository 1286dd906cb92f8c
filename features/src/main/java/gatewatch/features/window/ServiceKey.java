package gatewatch.features.window;

import gatewatch.features.conn.ConnectionSummary;
import gatewatch.features.kdd.Service;

/**
 * The key under which two connections have "the same service" in the window features.
 *
 * <p>For a named service it is the KDD service ({@code http} is {@code http} whatever the port
 * list behind it). For the two catch-all names, {@code private} and {@code other}, it is the
 * protocol and responder port: the training data shows that the original extractor did not
 * treat all {@code private} (or all {@code other}) connections as one service. In windows that
 * hold nothing but {@code private} connections to one host (67,119 rows), the median
 * {@code dst_host_same_srv_rate} is 0.04 instead of about 1; for {@code other} (4,436 rows) it
 * never exceeds 0.02; a SYN flood over many ports ({@code neptune}) has {@code srv_count} 1–20
 * at {@code count} 100–300. ICMP services are already per message type.
 */
public final class ServiceKey {
    private static final int TCP = 6;
    private static final int UDP = 17;

    private ServiceKey() {
    }

    public static int of(ConnectionSummary c) {
        return of(c.service(), c.ipProtocol(), c.respPort());
    }

    /**
     * Named services map to their ordinal (below 2^16); {@code private}/{@code other} over TCP or
     * UDP map to {@code protocol << 16 | port}, which is at least 6 · 2^16, so the two never meet.
     */
    public static int of(Service service, int ipProtocol, int respPort) {
        if ((service == Service.PRIVATE || service == Service.OTHER) && (ipProtocol == TCP || ipProtocol == UDP)) {
            return ipProtocol << 16 | (respPort & 0xffff);
        }
        return service.ordinal();
    }
}
