package gatewatch.features.conn;

import gatewatch.features.kdd.KddFlag;
import gatewatch.features.kdd.ProtocolType;
import gatewatch.features.kdd.Service;

/**
 * An immutable copy of a finished connection: what crosses from the capture thread to the rest
 * of the pipeline (and what a Zeek conn.log line holds).
 *
 * @param icmpType an ICMP or ICMPv6 record's message type (0 for TCP and UDP); the ports of an ICMP record are 0
 * @param icmpCode an ICMP or ICMPv6 record's message code (0 for TCP and UDP)
 * @param openAtEnd still open when the input ended or the sensor stopped: flushed by
 *                  {@link ConnectionTracker#flush()} without having ended (a TCP connection with
 *                  no RST and no FIN from both sides, a UDP flow inside its idle timeout). Its
 *                  flag says where it was cut off, not how it went; see docs/FEATURES.md
 */
public record ConnectionSummary(
        long startNanos,
        long endNanos,
        IpAddress origAddress,
        int origPort,
        IpAddress respAddress,
        int respPort,
        int ipProtocol,
        ProtocolType protocol,
        Service service,
        KddFlag zeekState,
        KddFlag kddFlag,
        String history,
        long origBytes,
        long respBytes,
        long origPackets,
        long respPackets,
        long origIpBytes,
        long respIpBytes,
        long missedBytes,
        boolean land,
        int wrongFragments,
        long urgentPackets,
        FinishReason finishReason,
        int icmpType,
        int icmpCode,
        boolean openAtEnd) {

    /** As the canonical constructor, for a connection that was not open at the end. */
    public ConnectionSummary(long startNanos, long endNanos, IpAddress origAddress, int origPort, IpAddress respAddress,
            int respPort, int ipProtocol, ProtocolType protocol, Service service, KddFlag zeekState, KddFlag kddFlag,
            String history, long origBytes, long respBytes, long origPackets, long respPackets, long origIpBytes,
            long respIpBytes, long missedBytes, boolean land, int wrongFragments, long urgentPackets,
            FinishReason finishReason, int icmpType, int icmpCode) {
        this(startNanos, endNanos, origAddress, origPort, respAddress, respPort, ipProtocol, protocol, service, zeekState,
                kddFlag, history, origBytes, respBytes, origPackets, respPackets, origIpBytes, respIpBytes, missedBytes,
                land, wrongFragments, urgentPackets, finishReason, icmpType, icmpCode, false);
    }

    /** A TCP or UDP connection, or an ICMP record whose type and code do not matter (tests, benchmarks). */
    public ConnectionSummary(long startNanos, long endNanos, IpAddress origAddress, int origPort, IpAddress respAddress,
            int respPort, int ipProtocol, ProtocolType protocol, Service service, KddFlag zeekState, KddFlag kddFlag,
            String history, long origBytes, long respBytes, long origPackets, long respPackets, long origIpBytes,
            long respIpBytes, long missedBytes, boolean land, int wrongFragments, long urgentPackets,
            FinishReason finishReason) {
        this(startNanos, endNanos, origAddress, origPort, respAddress, respPort, ipProtocol, protocol, service, zeekState,
                kddFlag, history, origBytes, respBytes, origPackets, respPackets, origIpBytes, respIpBytes, missedBytes,
                land, wrongFragments, urgentPackets, finishReason, 0, 0);
    }

    public static ConnectionSummary of(Connection c, FinishReason reason) {
        return of(c, reason, c.history());
    }

    /** As {@link #of(Connection, FinishReason)}, reusing history strings from {@code histories}. */
    public static ConnectionSummary of(Connection c, FinishReason reason, HistoryStrings histories) {
        return of(c, reason, c.history(histories));
    }

    private static ConnectionSummary of(Connection c, FinishReason reason, String history) {
        KddFlag zeekState = c.zeekState();
        return new ConnectionSummary(
                c.startNanos(), c.endNanos(),
                new IpAddress(c.origHi(), c.origLo()), c.origPort(),
                new IpAddress(c.respHi(), c.respLo()), c.respPort(),
                c.ipProtocol(), c.protocol(), c.service(), zeekState, c.kddFlag(zeekState), history,
                c.origBytes(), c.respBytes(), c.origPackets(), c.respPackets(),
                c.originator().ipBytes(), c.responder().ipBytes(),
                c.originator().missedBytes() + c.responder().missedBytes(),
                c.land(), c.wrongFragments(), c.urgentPackets(), reason, c.icmpType(), c.icmpCode(),
                reason == FinishReason.FLUSHED && !c.ended());
    }

    /** KDD {@code duration}: whole seconds from the first packet to the last, truncated. */
    public long durationSeconds() {
        return Math.max(0, (endNanos - startNanos) / 1_000_000_000L);
    }

    /** The transport name as Zeek writes it: tcp, udp or icmp. */
    public String transport() {
        return switch (ipProtocol) {
            case 6 -> "tcp";
            case 17 -> "udp";
            default -> "icmp";
        };
    }
}
