package gatewatch.synth.net;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The simulated site and the Internet around it, as a sensor on the site's gateway link sees them.
 *
 * <pre>
 *   10.1.0.1            the router (frames to and from remote hosts carry its MAC)
 *   10.1.0.10-49        40 workstations
 *   10.1.1.21/23/25/53/80  the site's ftp, telnet, mail, DNS and web servers
 *   203.0.113.10-41     remote web servers; 203.0.113.200-203 remote mail relays
 *   198.51.100.0/24     attackers; 198.18.0.0/15 spoofed sources; 192.0.2.0/24 a smurf amplifier network
 * </pre>
 *
 * Documentation and benchmarking ranges only, so a synthetic capture never names a real host.
 * Hosts are made on first use; their stack properties (TTL, window, first IP ID and port) come
 * from the seed and the address alone, so they do not depend on the order hosts are first used.
 */
public final class Network {
    public static final int ROUTER = Ipv4.of(10, 1, 0, 1);
    public static final int FTP_SERVER = Ipv4.of(10, 1, 1, 21);
    public static final int TELNET_SERVER = Ipv4.of(10, 1, 1, 23);
    public static final int MAIL_SERVER = Ipv4.of(10, 1, 1, 25);
    public static final int DNS_SERVER = Ipv4.of(10, 1, 1, 53);
    public static final int WEB_SERVER = Ipv4.of(10, 1, 1, 80);
    public static final List<Integer> SERVERS = List.of(FTP_SERVER, TELNET_SERVER, MAIL_SERVER, DNS_SERVER, WEB_SERVER);
    public static final List<Integer> CLIENTS = IntStream.rangeClosed(10, 49).mapToObj(i -> Ipv4.of(10, 1, 0, i)).toList();
    public static final List<Integer> REMOTE_WEB = IntStream.rangeClosed(10, 41).mapToObj(i -> Ipv4.of(203, 0, 113, i)).toList();
    public static final List<Integer> REMOTE_MAIL = IntStream.rangeClosed(200, 203).mapToObj(i -> Ipv4.of(203, 0, 113, i)).toList();
    public static final int ATTACKER_NET = Ipv4.of(198, 51, 100, 0);
    public static final int SPOOFED_NET = Ipv4.of(198, 18, 0, 0);
    public static final int AMPLIFIER_NET = Ipv4.of(192, 0, 2, 0);

    private static final long LOCAL_MAC_PREFIX = 0x0200_0000_0000L;
    private static final int[] INITIAL_TTLS = {64, 128, 255};
    private static final int[] WINDOWS = {8_760, 16_384, 32_120, 65_535};

    private final long seed;
    private final Map<Integer, Host> hosts = new HashMap<>();

    public Network(long seed) {
        this.seed = seed;
    }

    public Host host(int address) {
        return hosts.computeIfAbsent(address, this::create);
    }

    /** Inside the site (10.1.0.0/16): its own MAC on the link; elsewhere the router's. */
    public static boolean isLocal(int address) {
        return (address >>> 16) == (ROUTER >>> 16);
    }

    /** A host that exists and answers a ping: the router, a workstation or a server. */
    public static boolean isLive(int address) {
        return address == ROUTER || CLIENTS.contains(address) || SERVERS.contains(address);
    }

    private Host create(int address) {
        SplittableRandom r = new SplittableRandom(seed ^ (address * 0x9E37_79B9_7F4A_7C15L));
        boolean local = isLocal(address);
        int ttl = INITIAL_TTLS[r.nextInt(INITIAL_TTLS.length)] - (local ? 0 : r.nextInt(6, 20));
        long mac = LOCAL_MAC_PREFIX | ((local ? address : ROUTER) & 0xffff_ffffL);
        return new Host(address, mac, ttl, WINDOWS[r.nextInt(WINDOWS.length)], r.nextInt(65_536), r.nextInt(65_536));
    }
}
