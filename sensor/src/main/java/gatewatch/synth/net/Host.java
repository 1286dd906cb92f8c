package gatewatch.synth.net;

/**
 * One IPv4 host of the simulated network, with the state its own stack keeps across
 * connections: the IP identification counter and the next ephemeral port.
 *
 * <p>Not thread-safe: one synthesizer run owns its hosts and uses them from one thread.
 */
public final class Host {
    private static final int FIRST_EPHEMERAL = 49_152;
    private static final int EPHEMERAL_PORTS = 65_536 - FIRST_EPHEMERAL;

    private final int address;
    private final long mac;
    private final int ttl;
    private final int window;
    private int nextIpId;
    private int portIndex;

    Host(int address, long mac, int ttl, int window, int firstIpId, int firstPortIndex) {
        this.address = address;
        this.mac = mac;
        this.ttl = ttl;
        this.window = window;
        this.nextIpId = firstIpId & 0xffff;
        this.portIndex = Math.floorMod(firstPortIndex, EPHEMERAL_PORTS);
    }

    public int address() {
        return address;
    }

    /** The MAC address frames to and from this host carry on the sensor's segment (the router's for remote hosts). */
    public long mac() {
        return mac;
    }

    /** The TTL of its packets as the sensor sees them (initial TTL less the hops on the way). */
    public int ttl() {
        return ttl;
    }

    /** The receive window its TCP advertises. */
    public int window() {
        return window;
    }

    /** The IP identification of the next datagram it sends: one counter per host, as older stacks keep. */
    public int takeIpId() {
        int id = nextIpId;
        nextIpId = (nextIpId + 1) & 0xffff;
        return id;
    }

    /**
     * A fresh ephemeral port, sequential through 49152–65535. A 5-tuple comes back only after
     * 16,384 connections of this host, long after the sensor has forgotten the last one, so every
     * connection is its own record.
     */
    public int ephemeralPort() {
        int port = FIRST_EPHEMERAL + portIndex;
        portIndex = (portIndex + 1) % EPHEMERAL_PORTS;
        return port;
    }

    @Override
    public String toString() {
        return Ipv4.format(address);
    }
}
