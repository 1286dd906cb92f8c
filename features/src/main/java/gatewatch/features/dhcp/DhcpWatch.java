package gatewatch.features.dhcp;

import gatewatch.features.counting.SingleWriterCounters;
import gatewatch.features.decode.Bytes;
import gatewatch.features.decode.PacketView;
import gatewatch.features.notice.DhcpFloodNotice;
import gatewatch.features.notice.NoticeSink;
import gatewatch.features.table.MacIpTable;
import gatewatch.features.table.SlotIndex;

/**
 * DHCP floods from one client: DHCP client messages (BOOTP requests to UDP port 67) counted per
 * client hardware address ({@code chaddr}), the identity the server leases to. {@link #MESSAGES_TO_ALERT
 * 30} within {@link #WINDOW_NANOS 10 seconds} from one address is an alert (one per address and
 * episode; the episode ends after {@link #EPISODE_QUIET_NANOS 5 quiet minutes}).
 *
 * <p>Why ({@code docs/DETECTOR.md}, "Notices"): a client that configures itself sends a handful of messages (DISCOVER, REQUEST, and
 * retries that back off from 4 seconds, RFC 2131 section 4.1); the busiest client of the shared
 * normal captures sent 21 in 91 seconds. A flood that makes the server work for every message
 * (the shared zeek-dhcp-flood: 250 in 5 seconds, each from another address to another server
 * address, every one answered) looks like 250 ordinary exchanges connection by connection; only the
 * client address ties them together. Counting per {@code chaddr} and not per source MAC also
 * holds behind a relay, which forwards many clients' messages from its own MAC. Starvation, many
 * invented client addresses with a message or two each, is not this rule's: the model learned it
 * from the lab ({@code dos-dhcp-starvation}).
 *
 * <p>No allocation per packet; a notice allocates one record. Capture thread only.
 */
public final class DhcpWatch {
    static final int SERVER_PORT = 67;
    static final long WINDOW_NANOS = 10_000_000_000L;
    static final int MESSAGES_TO_ALERT = 30;
    static final long EPISODE_QUIET_NANOS = 300_000_000_000L;
    /** BOOTP: op, htype, hlen, hops, xid, secs, flags, ciaddr, yiaddr, siaddr, giaddr, then chaddr. */
    private static final int CHADDR = 28;

    /** Counter indexes of {@link #counters()}. */
    public static final int CLIENT_MESSAGES = 0;
    public static final int ALERTS = 1;
    /** Client addresses a full table could not track. */
    public static final int UNTRACKED = 2;

    private final MacIpTable clients;
    private final NoticeSink sink;
    private final SingleWriterCounters counters = new SingleWriterCounters(3);

    public DhcpWatch(NoticeSink sink) {
        this(sink, 16_384);
    }

    DhcpWatch(NoticeSink sink, int capacity) {
        this.sink = sink;
        this.clients = new MacIpTable(capacity, EPISODE_QUIET_NANOS);
    }

    /** One decoded packet; only DHCPv4 client messages are looked at. */
    public void onPacket(PacketView v) {
        if (!v.isUdp() || !v.isIpv4() || v.dstPort() != SERVER_PORT || v.payloadCapLength() < CHADDR + 6) {
            return;
        }
        byte[] b = v.buf();
        int p = v.payloadOffset();
        // A BOOTREQUEST with an Ethernet hardware address: the only kind a chaddr of 6 bytes identifies.
        if (b[p] != 1 || b[p + 1] != 1 || b[p + 2] != 6) {
            return;
        }
        counters.increment(CLIENT_MESSAGES);
        long mac = Bytes.mac48(b, p + CHADDR);
        long now = v.tsNanos();
        int s = clients.findOrAdd(mac, 0, now);
        if (s == SlotIndex.NONE) {
            counters.increment(UNTRACKED);
            return;
        }
        if (clients.countTowardAlert(s, now, WINDOW_NANOS, MESSAGES_TO_ALERT, EPISODE_QUIET_NANOS)) {
            counters.increment(ALERTS);
            sink.accept(new DhcpFloodNotice(now, clients.first[s], mac, clients.count[s], (int) v.srcLo(), (int) v.dstLo()));
        }
    }

    /** Client messages, alerts, untracked client addresses: index by the constants above. */
    public SingleWriterCounters counters() {
        return counters;
    }
}
