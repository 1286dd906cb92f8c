package gatewatch.features.truth;

import gatewatch.features.conn.ConnectionSummary;

/**
 * Which connections a truth rule speaks about, apart from time: protocol, the two endpoints and
 * their ports. Direction is as gatewatch orients the connection (orig = the side that opened it)
 * unless {@code anyDirection}, which also matches the mirror image.
 */
public record FlowPattern(Proto proto, AddressBlock orig, AddressBlock resp, PortRange origPort, PortRange respPort,
        boolean anyDirection) {

    /** Every connection. */
    public static final FlowPattern ANY = new FlowPattern(Proto.ANY, AddressBlock.ANY, AddressBlock.ANY,
            PortRange.ANY, PortRange.ANY, false);

    /** {@code proto} from {@code orig} to {@code resp}, any ports; addresses as the truth file writes them. */
    public static FlowPattern of(Proto proto, String orig, String resp) {
        return new FlowPattern(proto, AddressBlock.parse(orig), AddressBlock.parse(resp), PortRange.ANY, PortRange.ANY, false);
    }

    public FlowPattern toPort(int port) {
        return toPorts(PortRange.of(port));
    }

    public FlowPattern toPorts(PortRange ports) {
        return new FlowPattern(proto, orig, resp, origPort, ports, anyDirection);
    }

    public FlowPattern fromPorts(PortRange ports) {
        return new FlowPattern(proto, orig, resp, ports, respPort, anyDirection);
    }

    /** This pattern matching both orientations ({@code dir=any}). */
    public FlowPattern eitherDirection() {
        return new FlowPattern(proto, orig, resp, origPort, respPort, true);
    }

    public boolean matches(ConnectionSummary c) {
        if (!proto.matches(c.ipProtocol())) {
            return false;
        }
        boolean forward = orig.matches(c.origAddress()) && resp.matches(c.respAddress())
                && origPort.matches(c.origPort()) && respPort.matches(c.respPort());
        return forward || anyDirection && orig.matches(c.respAddress()) && resp.matches(c.origAddress())
                && origPort.matches(c.respPort()) && respPort.matches(c.origPort());
    }
}
