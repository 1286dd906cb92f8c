package gatewatch.features.notice;

/**
 * An alert that belongs to no one connection, raised on the capture thread by an analyzer that
 * watches more than a connection (Zeek's notices): ARP poisoning on the link, a DHCP flood from one
 * client. The sensor writes each as an alert of its own kind; no model scores it.
 */
public sealed interface Notice permits ArpSpoofNotice, DhcpFloodNotice {
    /** When the evidence reached the rule's count: the alert's time. */
    long tsNanos();

    /** The alert's label ({@code arp_spoof}, {@code dhcp_flood}). */
    String label();
}
