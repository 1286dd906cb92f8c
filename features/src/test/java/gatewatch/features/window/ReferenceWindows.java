package gatewatch.features.window;

import gatewatch.features.conn.ConnectionSummary;
import gatewatch.features.kdd.KddFeature;
import gatewatch.features.kdd.KddFlag;
import gatewatch.features.kdd.ProtocolType;
import gatewatch.features.kdd.Service;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The 19 window features computed the slow, literal way: for each connection, rescan the
 * connections placed before it. The definitions are written out again here, independently of
 * the stage, so that the property tests compare two implementations of docs/FEATURES.md.
 */
final class ReferenceWindows {
    private static final Set<KddFlag> SYN_ERRORS = EnumSet.of(KddFlag.S0, KddFlag.S1, KddFlag.S2, KddFlag.S3,
            KddFlag.SH, KddFlag.SHR);
    private static final Set<KddFlag> REJ_ERRORS = EnumSet.of(KddFlag.REJ, KddFlag.RSTO, KddFlag.RSTR,
            KddFlag.RSTOS0, KddFlag.RSTRH);

    private ReferenceWindows() {
    }

    /**
     * Features 23–41 of {@code placed.get(i)}, given every connection in placement order and
     * the time each was placed at.
     */
    static double[] features(List<ConnectionSummary> placed, long[] placement, int i, WindowConfig config) {
        double[] v = new double[KddFeature.COUNT_OF_FEATURES];
        long span = config.timeWindow().toNanos();
        int timeFrom = i;
        while (timeFrom > 0 && i - (timeFrom - 1) < config.timeWindowConnections()
                && placement[timeFrom - 1] > placement[i] - span) {
            timeFrom--;
        }
        int hostFrom = Math.max(0, i - config.hostWindowConnections() + 1);
        window(placed, timeFrom, i, WindowColumns.TIME, v);
        window(placed, hostFrom, i, WindowColumns.HOST, v);
        return v;
    }

    private static void window(List<ConnectionSummary> placed, int from, int i, WindowColumns c, double[] v) {
        ConnectionSummary cur = placed.get(i);
        int count = 0;
        int srvCount = 0;
        int serr = 0;
        int rerr = 0;
        int srvSerr = 0;
        int srvRerr = 0;
        int same = 0;
        int samePort = 0;
        Set<Object> servicesOfHost = new HashSet<>();
        Set<Object> hostsOfService = new HashSet<>();
        for (int j = from; j <= i; j++) {
            ConnectionSummary o = placed.get(j);
            boolean sameHost = o.respAddress().equals(cur.respAddress());
            boolean sameSrv = sameService(o, cur);
            if (sameHost) {
                count++;
                serr += synError(o) ? 1 : 0;
                rerr += REJ_ERRORS.contains(o.kddFlag()) ? 1 : 0;
                same += sameSrv ? 1 : 0;
                samePort += sourcePort(o).equals(sourcePort(cur)) ? 1 : 0;
                servicesOfHost.add(serviceIdentity(o));
            }
            if (sameSrv) {
                srvCount++;
                srvSerr += synError(o) ? 1 : 0;
                srvRerr += REJ_ERRORS.contains(o.kddFlag()) ? 1 : 0;
                hostsOfService.add(o.respAddress());
            }
        }
        v[c.count()] = count;
        v[c.srvCount()] = srvCount;
        v[c.serrorRate()] = KddRate.of(serr, count);
        v[c.srvSerrorRate()] = KddRate.of(srvSerr, srvCount);
        v[c.rerrorRate()] = KddRate.of(rerr, count);
        v[c.srvRerrorRate()] = KddRate.of(srvRerr, srvCount);
        v[c.sameSrvRate()] = KddRate.of(same, count);
        v[c.diffSrvRate()] = KddRate.of(servicesOfHost.size() > 1 ? servicesOfHost.size() : 0, count);
        v[c.srvDiffHostRate()] = KddRate.of(hostsOfService.size() > 1 ? hostsOfService.size() : 0, srvCount);
        if (c.hasSameSrcPort()) {
            v[c.sameSrcPortRate()] = KddRate.of(samePort, count);
        }
    }

    /** A SYN-error flag, unless the connection was cut off by the end after its handshake completed. */
    private static boolean synError(ConnectionSummary c) {
        boolean cutOff = c.openAtEnd() && (c.history().contains("A") || c.history().contains("D"));
        return SYN_ERRORS.contains(c.kddFlag()) && !cutOff;
    }

    /** Same named service; for private/other also the same protocol and responder port. */
    static boolean sameService(ConnectionSummary a, ConnectionSummary b) {
        return Objects.equals(serviceIdentity(a), serviceIdentity(b));
    }

    /** Bro's typed port: protocol and port; an ICMP message's "port" is its type. */
    private static List<Integer> sourcePort(ConnectionSummary c) {
        return List.of(c.ipProtocol(), c.protocol() == ProtocolType.ICMP ? c.icmpType() : c.origPort());
    }

    private static Object serviceIdentity(ConnectionSummary c) {
        if (c.service() == Service.PRIVATE || c.service() == Service.OTHER) {
            return List.of(c.service(), c.ipProtocol(), c.respPort());
        }
        return c.service();
    }
}
