package gatewatch.features.notice;

/**
 * ARP cache poisoning seen on the link: a MAC address kept telling hosts, in ARP replies nobody
 * asked for, that an IPv4 address is at that MAC ({@code gatewatch.features.arp.ArpWatch}).
 *
 * @param tsNanos         when the claims reached the alert's count (the alert's time)
 * @param firstNanos      the first unsolicited reply of the episode
 * @param mac             the MAC address that claimed the address (48 bits)
 * @param claimedIp       the IPv4 address it claimed
 * @param ownerMac        the MAC address that held {@code claimedIp} before, as the link last
 *                        showed it in a request or an answered reply; -1 when none was seen
 * @param targetMac       the MAC address the last claim was sent to (the host being poisoned)
 * @param targetIp        that host's IPv4 address as the reply named it
 * @param unsolicited     unsolicited replies claiming {@code claimedIp} within the window that raised the alert
 */
public record ArpSpoofNotice(long tsNanos, long firstNanos, long mac, int claimedIp, long ownerMac, long targetMac,
        int targetIp, int unsolicited) implements Notice {

    @Override
    public String label() {
        return "arp_spoof";
    }
}
