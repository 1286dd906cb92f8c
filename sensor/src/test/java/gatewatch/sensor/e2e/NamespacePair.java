package gatewatch.sensor.e2e;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Two network namespaces joined by one veth pair: a server side ({@code <prefix>s}, interface
 * {@code <ifPrefix>s}, address 10.250.x.1/24) and a client side ({@code <prefix>c}, interface
 * {@code <ifPrefix>c}, 10.250.x.2/24), loopback up in both, and no default route, so no packet can
 * leave the pair. IPv6 is off on both veth ends until {@link #clientIpv6(boolean)} turns it on at the
 * client, so the link-up chatter (duplicate address detection, MLD reports, router solicitations)
 * happens when the test chooses. The client also routes 10.250.(x+1).0/24 through the server, so the server end
 * is a gateway for that network, the way a sensor on a gateway sees the traffic to the hosts
 * behind it. The client's resolver is the server ({@code /etc/netns/<client namespace>/resolv.conf},
 * which {@code ip netns exec} mounts over {@code /etc/resolv.conf}). Removed by name ({@code ip netns
 * del}, which takes the veth with it, and the resolver file), also when creation failed half-way.
 */
final class NamespacePair implements AutoCloseable {
    final String serverNs;
    final String clientNs;
    final String serverIf;
    final String clientIf;
    final int subnet;

    private NamespacePair(String nsPrefix, String ifPrefix, int subnet) {
        this.serverNs = nsPrefix + "s";
        this.clientNs = nsPrefix + "c";
        this.serverIf = ifPrefix + "s";
        this.clientIf = ifPrefix + "c";
        this.subnet = subnet;
    }

    /** 10.250.x.N on the veth pair. */
    String onLink(int host) {
        return "10.250." + subnet + "." + host;
    }

    /** 10.250.(x+1).N, the network behind the server end. */
    String behindServer(int host) {
        return "10.250." + (subnet + 1) + "." + host;
    }

    String serverIp() {
        return onLink(1);
    }

    String clientIp() {
        return onLink(2);
    }

    /**
     * Creates both namespaces and the pair. Returns null when the first namespace cannot be made
     * (no privilege, a sandbox without namespaces); fails on any later step.
     *
     * @param behindServerHosts host numbers of 10.250.(x+1).0/24 that the server answers for
     */
    static NamespacePair create(String nsPrefix, String ifPrefix, int subnet, int... behindServerHosts)
            throws IOException, InterruptedException {
        NamespacePair p = new NamespacePair(nsPrefix, ifPrefix, subnet);
        p.close(); // leftovers of an earlier run with the same pid
        if (!Shell.bash("ip netns add " + p.serverNs).ok()) {
            return null;
        }
        List<String> steps = new ArrayList<>(List.of(
                "ip netns add " + p.clientNs,
                "ip link add " + p.serverIf + " netns " + p.serverNs + " type veth peer name " + p.clientIf
                        + " netns " + p.clientNs,
                p.ipv6Sysctl(p.serverNs, p.serverIf, false),
                p.ipv6Sysctl(p.clientNs, p.clientIf, false),
                "ip -n " + p.serverNs + " addr add " + p.serverIp() + "/24 dev " + p.serverIf,
                "ip -n " + p.clientNs + " addr add " + p.clientIp() + "/24 dev " + p.clientIf,
                "ip -n " + p.serverNs + " link set lo up",
                "ip -n " + p.clientNs + " link set lo up",
                "ip -n " + p.serverNs + " link set " + p.serverIf + " up",
                "ip -n " + p.clientNs + " link set " + p.clientIf + " up",
                "ip -n " + p.clientNs + " route add 10.250." + (subnet + 1) + ".0/24 via " + p.serverIp(),
                "mkdir -p " + p.etcDir() + " && printf 'nameserver " + p.serverIp()
                        + "\\noptions timeout:2 attempts:1\\n' > " + p.etcDir() + "/resolv.conf"));
        for (int h : behindServerHosts) {
            steps.add("ip -n " + p.serverNs + " addr add " + p.behindServer(h) + "/32 dev lo");
        }
        try {
            for (String step : steps) {
                Shell.Result r = Shell.bash(step);
                if (!r.ok()) {
                    throw new IOException(step + ": " + r.output());
                }
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            p.close();
            throw e;
        }
        return p;
    }

    /** Turns IPv6 on or off on the client's veth end; turning it on starts the host's link-up chatter. */
    void clientIpv6(boolean on) throws IOException, InterruptedException {
        String step = ipv6Sysctl(clientNs, clientIf, on);
        Shell.Result r = Shell.bash(step);
        if (!r.ok()) {
            throw new IOException(step + ": " + r.output());
        }
    }

    private String ipv6Sysctl(String ns, String iface, boolean on) {
        return "ip netns exec " + ns + " /usr/sbin/sysctl -qw net.ipv6.conf." + iface + ".disable_ipv6=" + (on ? 0 : 1);
    }

    /** {@code ip netns exec <server namespace> command...} */
    List<String> inServer(String... command) {
        return in(serverNs, command);
    }

    /** {@code ip netns exec <client namespace> command...} */
    List<String> inClient(String... command) {
        return in(clientNs, command);
    }

    private static List<String> in(String ns, String... command) {
        List<String> c = new ArrayList<>(List.of("ip", "netns", "exec", ns));
        c.addAll(List.of(command));
        return c;
    }

    /** The files {@code ip netns exec} mounts over /etc for the client namespace. */
    private String etcDir() {
        return "/etc/netns/" + clientNs;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        Shell.bash("ip netns del " + serverNs + " 2>/dev/null; ip netns del " + clientNs + " 2>/dev/null;"
                + " rm -rf " + etcDir() + "; rmdir /etc/netns 2>/dev/null; true");
    }
}
