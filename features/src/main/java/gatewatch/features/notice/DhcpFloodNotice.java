package gatewatch.features.notice;

/**
 * A DHCP flood from one client: one client hardware address sent DHCP client messages (DISCOVER,
 * REQUEST, INFORM, ...) faster than any client configuring itself does
 * ({@code gatewatch.features.dhcp.DhcpWatch}). A DoS on the DHCP server, not one connection's.
 *
 * @param tsNanos    when the messages reached the rule's count (the alert's time)
 * @param firstNanos the first message of the episode
 * @param clientMac  the client hardware address the messages carried ({@code chaddr}, 48 bits)
 * @param messages   client messages within the window that raised the alert
 * @param lastSrcIp  the IPv4 source address of the last of them (0.0.0.0 before a lease)
 * @param lastDstIp  its destination (a server, or 255.255.255.255)
 */
public record DhcpFloodNotice(long tsNanos, long firstNanos, long clientMac, int messages, int lastSrcIp,
        int lastDstIp) implements Notice {
    @Override
    public String label() {
        return "dhcp_flood";
    }
}
