package gatewatch.synth.service;

import gatewatch.synth.net.Host;
import gatewatch.synth.net.Network;
import gatewatch.synth.session.Link;
import java.util.random.RandomGenerator;

/** Round-trip times and rates of the simulated paths: a switched LAN inside, a WAN uplink outside. */
public final class Paths {
    private static final long LAN_BPS = 100_000_000L;
    private static final long WAN_BPS = 10_000_000L;

    private Paths() {
    }

    /** A connection from {@code a}:{@code aPort} to {@code b}:{@code bPort} over the path between them. */
    public static Link link(Host a, int aPort, Host b, int bPort, RandomGenerator rng) {
        boolean lan = Network.isLocal(a.address()) && Network.isLocal(b.address());
        long rtt = lan ? Draw.millis(rng, 0.2, 1.5) : Draw.millis(rng, 15, 150);
        return new Link(a, aPort, b, bPort, rtt, lan ? LAN_BPS : WAN_BPS);
    }

    /** The one-way delay a request/response over UDP or ICMP takes between {@code a} and {@code b}. */
    public static long oneWay(Host a, Host b, RandomGenerator rng) {
        boolean lan = Network.isLocal(a.address()) && Network.isLocal(b.address());
        return (lan ? Draw.millis(rng, 0.2, 1.5) : Draw.millis(rng, 15, 150)) / 2;
    }
}
