package gatewatch.features.window;

import gatewatch.features.conn.ConnectionSummary;
import gatewatch.features.conn.FinishReason;
import gatewatch.features.conn.IpAddress;
import gatewatch.features.extract.ConnectionRecord;
import gatewatch.features.kdd.KddFeature;
import gatewatch.features.kdd.KddFlag;
import gatewatch.features.kdd.ProtocolType;
import gatewatch.features.kdd.Service;
import gatewatch.features.kdd.ServiceTable;
import java.util.ArrayList;
import java.util.List;

/** Finished connections made up for tests, and a stage that keeps what it emits. */
final class Synthetic {
    private Synthetic() {
    }

    static IpAddress v4(int host) {
        return new IpAddress(0, 0x0000_ffff_0000_0000L | (host & 0xffff_ffffL));
    }

    /** A TCP connection from {@code 10.0.0.src:srcPort} to {@code 10.1.0.dst:dstPort}, service from the port table. */
    static ConnectionSummary tcp(double startSeconds, int src, int srcPort, int dst, int dstPort, KddFlag flag) {
        long start = nanos(startSeconds);
        return of(start, start, src, srcPort, dst, dstPort, 6, ServiceTable.tcp(dstPort), flag);
    }

    /** An ICMP message from {@code src} to {@code dst}, with the message type of its service. */
    static ConnectionSummary icmp(double startSeconds, int src, int dst, Service service) {
        long start = nanos(startSeconds);
        return withIcmpType(of(start, start, src, 0, dst, 0, 1, service, KddFlag.SF), icmpType(service));
    }

    static int icmpType(Service service) {
        return switch (service) {
            case ECO_I -> 8;
            case ECR_I -> 0;
            case TIM_I -> 11;
            case RED_I -> 5;
            default -> 3;
        };
    }

    static ConnectionSummary withIcmpType(ConnectionSummary c, int type) {
        return new ConnectionSummary(c.startNanos(), c.endNanos(), c.origAddress(), c.origPort(), c.respAddress(),
                c.respPort(), c.ipProtocol(), c.protocol(), c.service(), c.zeekState(), c.kddFlag(), c.history(),
                c.origBytes(), c.respBytes(), c.origPackets(), c.respPackets(), c.origIpBytes(), c.respIpBytes(),
                c.missedBytes(), c.land(), c.wrongFragments(), c.urgentPackets(), c.finishReason(), type, 0);
    }

    static ConnectionSummary of(long start, long end, int src, int srcPort, int dst, int dstPort, int ipProtocol,
            Service service, KddFlag flag) {
        return new ConnectionSummary(start, end, v4(0x0a00_0000 | src), srcPort, v4(0x0a01_0000 | dst), dstPort,
                ipProtocol, ProtocolType.ofIpProtocol(ipProtocol), service, flag, flag, "", 0, 0, 1, 0, 40, 0, 0,
                false, 0, 0, FinishReason.TIMEOUT);
    }

    /** The same connection with another end time (e.g. when the tracker reports it). */
    static ConnectionSummary endingAt(ConnectionSummary c, long end) {
        return new ConnectionSummary(c.startNanos(), end, c.origAddress(), c.origPort(), c.respAddress(), c.respPort(),
                c.ipProtocol(), c.protocol(), c.service(), c.zeekState(), c.kddFlag(), c.history(), c.origBytes(),
                c.respBytes(), c.origPackets(), c.respPackets(), c.origIpBytes(), c.respIpBytes(), c.missedBytes(),
                c.land(), c.wrongFragments(), c.urgentPackets(), c.finishReason(), c.icmpType(), c.icmpCode(),
                c.openAtEnd());
    }

    /** The same connection, flushed at the end of input while still open, with the given history. */
    static ConnectionSummary openAtEnd(ConnectionSummary c, String history) {
        return new ConnectionSummary(c.startNanos(), c.endNanos(), c.origAddress(), c.origPort(), c.respAddress(),
                c.respPort(), c.ipProtocol(), c.protocol(), c.service(), c.zeekState(), c.kddFlag(), history,
                c.origBytes(), c.respBytes(), c.origPackets(), c.respPackets(), c.origIpBytes(), c.respIpBytes(),
                c.missedBytes(), c.land(), c.wrongFragments(), c.urgentPackets(), FinishReason.FLUSHED, c.icmpType(),
                c.icmpCode(), true);
    }

    static long nanos(double seconds) {
        return Math.round(seconds * 1e9);
    }

    /** A feature vector whose first 22 values are recognisable and whose window values are unset (-1). */
    static double[] basic(int tag) {
        double[] v = new double[KddFeature.COUNT_OF_FEATURES];
        for (int i = 0; i < v.length; i++) {
            v[i] = i < KddFeature.COUNT.ordinal() ? tag + i : -1;
        }
        return v;
    }

    /** A window stage and the records it emitted, in order. */
    static final class Stage {
        final List<ConnectionRecord> out = new ArrayList<>();
        final TrafficWindows windows;

        Stage(WindowConfig config) {
            windows = new TrafficWindows(config, out::add);
        }

        /** Report order = start order, emitted at once. */
        static Stage inReportOrder() {
            return new Stage(WindowConfig.reportOrder());
        }

        Stage accept(ConnectionSummary... cs) {
            for (ConnectionSummary c : cs) {
                windows.accept(c, basic(out.size()));
            }
            return this;
        }

        List<ConnectionRecord> flush() {
            windows.flush();
            return out;
        }

        ConnectionRecord last() {
            return flush().getLast();
        }
    }
}
