package gatewatch.features.arp;

/**
 * ARP cache poisoning seen on the link: a MAC address kept telling hosts, in ARP replies nobody
 * asked for, that an IPv4 address is at that MAC ({@link ArpWatch}). Not a connection, so it has
 * no KDD features; the sensor writes it as an alert of its own kind.
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
public record ArpAlert(long tsNanos, long firstNanos, long mac, int claimedIp, long ownerMac, long targetMac,
        int targetIp, int unsolicited) {

    /** {@code aa:bb:cc:dd:ee:ff}. */
    public static String formatMac(long mac) {
        StringBuilder s = new StringBuilder(17);
        for (int shift = 40; shift >= 0; shift -= 8) {
            int b = (int) (mac >>> shift) & 0xff;
            s.append(Character.forDigit(b >>> 4, 16)).append(Character.forDigit(b & 0xf, 16));
            if (shift > 0) {
                s.append(':');
            }
        }
        return s.toString();
    }

    /** Dotted quad. */
    public static String formatIp(int ip) {
        return (ip >>> 24) + "." + ((ip >>> 16) & 0xff) + "." + ((ip >>> 8) & 0xff) + "." + (ip & 0xff);
    }
}
