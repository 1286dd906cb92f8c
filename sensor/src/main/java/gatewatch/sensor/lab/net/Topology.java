package gatewatch.sensor.lab.net;

import java.util.List;
import java.util.stream.IntStream;

/**
 * The names and addresses of one lab run (docs/LAB.md draws it):
 *
 * <pre>
 *   client ns               gateway ns (capture on veth-client)          server ns
 *   veth-gw 10.77.1.2 ---- veth-client 10.77.1.1 | veth-server 10.77.2.1 ---- veth-gw 10.77.2.2
 *   aliases 10.77.1.10-.59                                                     aliases 10.77.2.10-.19
 * </pre>
 *
 * <p>The client side stands for the internet: the gateway's default route points there, so
 * replies to spoofed sources cross the capture interface and die in the client namespace (which
 * does not forward). The addresses exist only inside the three namespaces of a run, so runs with
 * other prefixes use the same addresses without meeting.
 *
 * @param prefix the namespace prefix of this run, e.g. {@code gwlab-4711-}
 */
public record Topology(String prefix) {
    /** Interface of the client and of the server towards the gateway. */
    public static final String HOST_IF = "veth-gw";
    /** The gateway's interface towards the client: where the capture runs. */
    public static final String GATEWAY_CLIENT_IF = "veth-client";
    public static final String GATEWAY_SERVER_IF = "veth-server";
    public static final String CLIENT_NET = "10.77.1.0/24";
    public static final String SERVER_NET = "10.77.2.0/24";
    /** Every address a lab run uses. */
    public static final String LAB_NET = "10.77.0.0/16";
    public static final int CLIENT_ALIASES = 50;
    public static final int SERVER_ALIASES = 10;
    /** At most this many extra hosts on the server network ({@link #serverHost}), made only when a scenario asks. */
    public static final int SERVER_HOSTS = 8;

    public String clientNs() {
        return prefix + "c";
    }

    public String gatewayNs() {
        return prefix + "g";
    }

    public String serverNs() {
        return prefix + "s";
    }

    /** The client's main address. */
    public String client() {
        return "10.77.1.2";
    }

    /** Extra client addresses, {@code 0 <= i < CLIENT_ALIASES}: sources of many-source traffic. */
    public String clientAlias(int i) {
        check(i, CLIENT_ALIASES);
        return "10.77.1." + (10 + i);
    }

    /** Client aliases {@code first} to {@code first + count - 1}: the sources of one many-source act. */
    public List<String> clientAliases(int first, int count) {
        return IntStream.range(first, first + count).mapToObj(this::clientAlias).toList();
    }

    public String gatewayClientSide() {
        return "10.77.1.1";
    }

    public String gatewayServerSide() {
        return "10.77.2.1";
    }

    /** The server's main address. */
    public String server() {
        return "10.77.2.2";
    }

    /** Extra server addresses, {@code 0 <= i < SERVER_ALIASES}: more hosts for sweeps, a second service. */
    public String serverAlias(int i) {
        check(i, SERVER_ALIASES);
        return "10.77.2." + (10 + i);
    }

    /**
     * The namespace of extra server-network host {@code i}, {@code 0 <= i < SERVER_HOSTS}: a host of
     * its own (a macvlan on the server's link), so that it answers a broadcast as a separate machine.
     */
    public String serverHostNs(int i) {
        check(i, SERVER_HOSTS);
        return prefix + "h" + i;
    }

    /** The address of extra server-network host {@code i}: 10.77.2.30 and up. */
    public String serverHost(int i) {
        check(i, SERVER_HOSTS);
        return "10.77.2." + (30 + i);
    }

    /** The server network's directed broadcast (the gateway forwards it; the server answers echo requests to it). */
    public String serverBroadcast() {
        return "10.77.2.255";
    }

    /**
     * An address of the "internet" beyond the client side, {@code 0 <= i < 65024}: a spoofed
     * source that no namespace owns, 10.77.8.0 to 10.77.255.255.
     */
    public String outside(int i) {
        if (i < 0 || i >= 248 * 256) {
            throw new IllegalArgumentException("outside address index out of range: " + i);
        }
        return "10.77." + (8 + i / 256) + "." + (i % 256);
    }

    private static void check(int i, int n) {
        if (i < 0 || i >= n) {
            throw new IllegalArgumentException("alias index must be 0-" + (n - 1) + ", got " + i);
        }
    }
}
