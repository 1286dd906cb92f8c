package gatewatch.sensor.lab.net;

import gatewatch.sensor.lab.Exec;
import gatewatch.sensor.lab.LabException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Builds and removes the three namespaces of a {@link Topology}. Nothing here touches the host's
 * own interfaces or routes: the veth pairs are created directly inside the namespaces, and no
 * namespace has a route that leads out of the three.
 */
public final class Namespaces {
    /** Where {@code ip netns exec} finds files to mount over /etc inside a namespace. */
    static final Path NETNS_ETC = Path.of("/etc/netns");

    private Namespaces() {
    }

    /** Creates the namespaces, links, addresses, routes and sysctls; removes what it made if a step fails. */
    public static void create(Topology t) {
        try {
            for (String ns : List.of(t.clientNs(), t.gatewayNs(), t.serverNs())) {
                Exec.quick("ip", "netns", "add", ns).requireOk();
                // IPv6 off before any link exists, so no link-up chatter (DAD, MLD, RS) enters the capture.
                sysctl(ns, "net.ipv6.conf.all.disable_ipv6", "1");
                sysctl(ns, "net.ipv6.conf.default.disable_ipv6", "1");
                sysctl(ns, "net.ipv4.conf.all.rp_filter", "0");
                sysctl(ns, "net.ipv4.conf.default.rp_filter", "0");
                ip(ns, "link", "set", "lo", "up");
            }
            // gso_max_size 1500: each captured frame is one wire-sized segment, as on a real link
            // (veth would otherwise hand 64 KiB TSO segments to the capture).
            veth(t.clientNs(), Topology.HOST_IF, t.gatewayNs(), Topology.GATEWAY_CLIENT_IF);
            veth(t.serverNs(), Topology.HOST_IF, t.gatewayNs(), Topology.GATEWAY_SERVER_IF);

            ip(t.clientNs(), "addr", "add", t.client() + "/24", "dev", Topology.HOST_IF);
            for (int i = 0; i < Topology.CLIENT_ALIASES; i++) {
                ip(t.clientNs(), "addr", "add", t.clientAlias(i) + "/24", "dev", Topology.HOST_IF);
            }
            ip(t.gatewayNs(), "addr", "add", t.gatewayClientSide() + "/24", "dev", Topology.GATEWAY_CLIENT_IF);
            ip(t.gatewayNs(), "addr", "add", t.gatewayServerSide() + "/24", "dev", Topology.GATEWAY_SERVER_IF);
            ip(t.serverNs(), "addr", "add", t.server() + "/24", "dev", Topology.HOST_IF);
            for (int i = 0; i < Topology.SERVER_ALIASES; i++) {
                ip(t.serverNs(), "addr", "add", t.serverAlias(i) + "/24", "dev", Topology.HOST_IF);
            }
            for (String[] link : List.of(new String[] {t.clientNs(), Topology.HOST_IF},
                    new String[] {t.gatewayNs(), Topology.GATEWAY_CLIENT_IF},
                    new String[] {t.gatewayNs(), Topology.GATEWAY_SERVER_IF},
                    new String[] {t.serverNs(), Topology.HOST_IF})) {
                ip(link[0], "link", "set", link[1], "up");
            }
            ip(t.clientNs(), "route", "add", "default", "via", t.gatewayClientSide());
            ip(t.serverNs(), "route", "add", "default", "via", t.gatewayServerSide());
            // The internet is on the client side: what the gateway cannot place goes there.
            ip(t.gatewayNs(), "route", "add", "default", "via", t.client());

            sysctl(t.gatewayNs(), "net.ipv4.ip_forward", "1");
            // No ICMP redirects: traffic to spoofed addresses leaves by the interface it came in on.
            for (String iface : List.of("all", "default", Topology.GATEWAY_CLIENT_IF, Topology.GATEWAY_SERVER_IF)) {
                sysctl(t.gatewayNs(), "net.ipv4.conf." + iface + ".send_redirects", "0");
                sysctl(t.gatewayNs(), "net.ipv4.conf." + iface + ".rp_filter", "0");
            }
            // Directed broadcasts to the server network are forwarded (smurf); kernels before 5.0 lack the knob.
            // The kernel ANDs "all" with the interface the broadcast comes in on, so the client side needs it too.
            for (String iface : List.of("all", Topology.GATEWAY_CLIENT_IF, Topology.GATEWAY_SERVER_IF)) {
                sysctlIfPresent(t.gatewayNs(), "net.ipv4.conf." + iface + ".bc_forwarding", "1");
            }
            sysctl(t.serverNs(), "net.ipv4.icmp_echo_ignore_broadcasts", "0");
        } catch (RuntimeException e) {
            destroy(t);
            throw e;
        }
    }

    /**
     * Adds extra host {@code i} to the server network of a created topology: its own namespace
     * with a macvlan (bridge mode) on the server's link, the address {@link Topology#serverHost},
     * a default route via the gateway, and echo replies to broadcasts on (the smurf amplifiers).
     */
    public static void addServerHost(Topology t, int i) {
        String ns = t.serverHostNs(i);
        String link = "mv" + i;
        Exec.quick("ip", "netns", "add", ns).requireOk();
        sysctl(ns, "net.ipv6.conf.all.disable_ipv6", "1");
        sysctl(ns, "net.ipv6.conf.default.disable_ipv6", "1");
        sysctl(ns, "net.ipv4.icmp_echo_ignore_broadcasts", "0");
        ip(ns, "link", "set", "lo", "up");
        ip(t.serverNs(), "link", "add", "link", Topology.HOST_IF, "name", link, "type", "macvlan", "mode", "bridge");
        ip(t.serverNs(), "link", "set", link, "netns", ns);
        ip(ns, "addr", "add", t.serverHost(i) + "/24", "dev", link);
        ip(ns, "link", "set", link, "up");
        ip(ns, "route", "add", "default", "via", t.gatewayServerSide());
    }

    private static void veth(String nsA, String ifA, String nsB, String ifB) {
        Exec.quick("ip", "link", "add", ifA, "netns", nsA, "gso_max_size", "1500", "type", "veth",
                "peer", "name", ifB, "netns", nsB, "gso_max_size", "1500").requireOk();
    }

    private static void ip(String ns, String... args) {
        List<String> c = new ArrayList<>(List.of("ip", "-n", ns));
        c.addAll(List.of(args));
        Exec.run(c, java.time.Duration.ofSeconds(20), null).requireOk();
    }

    /** By its path, as the lab's daemons are: root's PATH may lack /usr/sbin (procps puts it there). */
    private static final String SYSCTL = "/usr/sbin/sysctl";

    private static void sysctl(String ns, String key, String value) {
        Exec.quick("ip", "netns", "exec", ns, SYSCTL, "-qw", key + "=" + value).requireOk();
    }

    private static void sysctlIfPresent(String ns, String key, String value) {
        Exec.quick("ip", "netns", "exec", ns, SYSCTL, "-qw", key + "=" + value);
    }

    /**
     * Removes the namespaces of {@code t} (deleting a namespace deletes its veth ends), after
     * killing every process still inside them, and the files under /etc/netns made for them.
     * Safe to call for namespaces that do not exist.
     */
    public static void destroy(Topology t) {
        for (String ns : List.of(t.clientNs(), t.gatewayNs(), t.serverNs())) {
            destroyNamespace(ns);
        }
        for (int i = 0; i < Topology.SERVER_HOSTS; i++) {
            destroyNamespace(t.serverHostNs(i));
        }
    }

    private static void destroyNamespace(String ns) {
        if (exists(ns)) {
            for (String pid : Exec.quick("ip", "netns", "pids", ns).output().strip().split("\\s+")) {
                if (!pid.isEmpty()) {
                    Exec.quick("kill", "-KILL", pid);
                }
            }
            Exec.quick("ip", "netns", "del", ns);
        }
        deleteTree(NETNS_ETC.resolve(ns));
    }

    private static boolean exists(String ns) {
        return Files.exists(Path.of("/run/netns", ns));
    }

    /** Names of existing lab namespaces (and /etc/netns entries) that start with {@code prefix}. */
    public static List<String> existing(String prefix) {
        List<String> names = new ArrayList<>();
        for (Path dir : List.of(Path.of("/run/netns"), NETNS_ETC)) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> s = Files.list(dir)) {
                s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(prefix) && !names.contains(n))
                        .forEach(names::add);
            } catch (IOException e) {
                throw new LabException("cannot list " + dir + ": " + e.getMessage(), e);
            }
        }
        names.sort(null);
        return names;
    }

    /** Removes one namespace found by {@link #existing}: its processes, the namespace, its /etc/netns files. */
    public static void remove(String ns) {
        destroyNamespace(ns);
    }

    /** Writes {@code content} to /etc/netns/NS/FILE, which {@code ip netns exec NS} mounts over /etc/FILE. */
    public static void etcFile(String ns, String file, String content) {
        try {
            Path dir = Files.createDirectories(NETNS_ETC.resolve(ns));
            Files.writeString(dir.resolve(file), content);
        } catch (IOException e) {
            throw new LabException("cannot write " + NETNS_ETC.resolve(ns).resolve(file) + ": " + e.getMessage(), e);
        }
    }

    /** Deletes {@code dir} and what it holds; /etc/netns itself stays (other tools may be using it). */
    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new LabException("cannot remove " + dir + ": " + e.getMessage(), e);
        }
    }
}
