package gatewatch.detector.train;

import gatewatch.detector.model.SiteScopes;
import gatewatch.features.conn.IpAddress;
import gatewatch.features.kdd.KddFlag;
import gatewatch.features.kdd.Service;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Looks at what {@code gatewatch learn} learns from for signs of an attack, which a site baseline
 * learned from it would then take for the site's normal traffic. One finding per suspicious group:
 * <ul>
 *   <li>a source, or a destination, with at least {@link #MIN_CONNECTIONS} connections of which at
 *   least half are failed attempts (S0, REJ, RSTOS0, RSTRH, SH, SHR) or empty (S1 without
 *   payload: answered, then neither used nor closed): a SYN flood, spoofed or not (a flood the
 *   victim answers leaves such connections), or a scan. Established connections that carried
 *   nothing but were reset are not counted: browsers open and reset them by the hundred;</li>
 *   <li>a source that reached at least {@link #MIN_SPREAD} ports of one host (a port scan) or
 *   {@link #MIN_SPREAD} hosts on one service (a sweep);</li>
 *   <li>a source with at least {@link #MIN_FAILED_LOGINS} connections with failed logins to one
 *   service of one host (password guessing).</li>
 * </ul>
 * Memory is bounded: at most {@link #MAX_GROUPS} sources and destinations are followed (later ones
 * are counted as not followed), and a set of ports or hosts stops growing at {@link #MIN_SPREAD}.
 */
public final class LearnScreen {
    public static final int MIN_CONNECTIONS = 100;
    public static final int MIN_SPREAD = 100;
    public static final int MIN_FAILED_LOGINS = 3;
    public static final int MAX_GROUPS = 100_000;

    private final Map<IpAddress, Tally> sources = new HashMap<>();
    private final Map<IpAddress, Tally> destinations = new HashMap<>();
    private long notFollowed;

    /** Counts of one address's connections. */
    private static final class Tally {
        long connections;
        long errors;
        final Map<IpAddress, Set<Integer>> portsByHost = new HashMap<>();
        final Map<Service, Set<IpAddress>> hostsByService = new HashMap<>();
        final Map<String, Integer> failedLogins = new HashMap<>();
    }

    /**
     * One connection of the traffic learned from.
     *
     * @param empty an established TCP connection (S1) that carried no payload either way
     */
    public void offer(IpAddress orig, IpAddress resp, int respPort, Service service, KddFlag flag, boolean empty,
            boolean failedLogin) {
        boolean error = empty || SiteScopes.failedAttempt(flag);
        Tally s = tally(sources, orig);
        if (s != null) {
            s.connections++;
            s.errors += error ? 1 : 0;
            Map<IpAddress, Set<Integer>> byHost = s.portsByHost;
            if (byHost.size() < MAX_GROUPS / 100 || byHost.containsKey(resp)) {
                addBounded(byHost.computeIfAbsent(resp, k -> new HashSet<>()), respPort);
            }
            addBounded(s.hostsByService.computeIfAbsent(service, k -> new HashSet<>()), resp);
            if (failedLogin) {
                s.failedLogins.merge(resp + " " + service.kddName(), 1, Integer::sum);
            }
        }
        Tally d = tally(destinations, resp);
        if (d != null) {
            d.connections++;
            d.errors += error ? 1 : 0;
        }
    }

    private Tally tally(Map<IpAddress, Tally> map, IpAddress a) {
        Tally t = map.get(a);
        if (t == null && map.size() < MAX_GROUPS) {
            t = new Tally();
            map.put(a, t);
        } else if (t == null) {
            notFollowed++;
        }
        return t;
    }

    private static <T> void addBounded(Set<T> set, T value) {
        if (set.size() < MIN_SPREAD) {
            set.add(value);
        }
    }

    /** Connections not followed because {@link #MAX_GROUPS} addresses already were. */
    public long notFollowed() {
        return notFollowed;
    }

    /** One line per suspicious group, sources first, each naming the addresses and the counts. */
    public List<String> findings() {
        List<String> out = new ArrayList<>();
        sources.entrySet().stream().sorted(Map.Entry.comparingByKey(LearnScreen::compare)).forEach(e -> {
            IpAddress a = e.getKey();
            Tally t = e.getValue();
            errors("from " + a, t, out);
            t.portsByHost.forEach((host, ports) -> {
                if (ports.size() >= MIN_SPREAD) {
                    out.add(String.format(Locale.ROOT, "from %s: %d or more ports of %s: looks like a port scan", a,
                            MIN_SPREAD, host));
                }
            });
            t.hostsByService.forEach((service, hosts) -> {
                if (hosts.size() >= MIN_SPREAD) {
                    out.add(String.format(Locale.ROOT, "from %s: %s on %d or more hosts: looks like a sweep", a,
                            service.kddName(), MIN_SPREAD));
                }
            });
            t.failedLogins.forEach((target, n) -> {
                if (n >= MIN_FAILED_LOGINS) {
                    out.add(String.format(Locale.ROOT, "from %s: %d connections with failed logins to %s: looks like "
                            + "password guessing", a, n, target));
                }
            });
        });
        destinations.entrySet().stream().sorted(Map.Entry.comparingByKey(LearnScreen::compare))
                .forEach(e -> errors("to " + e.getKey(), e.getValue(), out));
        return out;
    }

    private static void errors(String who, Tally t, List<String> out) {
        if (t.connections >= MIN_CONNECTIONS && 2 * t.errors >= t.connections) {
            out.add(String.format(Locale.ROOT, "%s: %,d connections, %,d of them failed or empty (%.1f %%): looks "
                    + "like a flood or a scan", who, t.connections, t.errors, 100.0 * t.errors / t.connections));
        }
    }

    private static int compare(IpAddress a, IpAddress b) {
        int c = Long.compareUnsigned(a.hi(), b.hi());
        return c != 0 ? c : Long.compareUnsigned(a.lo(), b.lo());
    }
}
