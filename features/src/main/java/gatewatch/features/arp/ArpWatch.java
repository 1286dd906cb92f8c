package gatewatch.features.arp;

import gatewatch.features.counting.SingleWriterCounters;
import gatewatch.features.decode.ArpView;
import gatewatch.features.notice.ArpSpoofNotice;
import gatewatch.features.notice.NoticeSink;
import gatewatch.features.table.MacIpTable;
import gatewatch.features.table.SlotIndex;

/**
 * ARP cache poisoning, as arpspoof, ettercap and bettercap do it: one MAC address sends a host
 * ARP replies it never asked for, saying that another host's IPv4 address (typically the
 * gateway's, and the host's to the gateway) is at that MAC, and sends them again every second or
 * every few seconds so that the host's ARP cache never learns the truth.
 *
 * <p>The rule ({@code docs/DETECTOR.md}, "Notices"): a reply is <em>unsolicited</em> when
 * no request for its sender address was seen in the {@link #REQUEST_WINDOW_NANOS 5 seconds}
 * before it. An alert is raised when one MAC address sends {@link #CLAIMS_TO_ALERT 5} unsolicited
 * replies claiming one address within {@link #CLAIM_WINDOW_NANOS 60 seconds}, unless that MAC is
 * the address's owner as the link showed it (the sender of a request or of an answered reply for
 * it). Gratuitous ARP (a host announcing its own address after boot, a failover or a DHCP lease:
 * sender and target address equal) is never a claim, nor a reply naming no unicast MAC (all zeros:
 * what arpspoof sends when it stops). One alert per MAC and address and episode: the
 * episode ends when the claims stop for {@link #EPISODE_QUIET_NANOS 5 minutes}.
 *
 * <p>Why repeated claims and not one: a capture or a sensor that starts between a request and
 * its reply sees one reply nobody asked for, and a host may answer a request the sensor did not
 * see; a poisoner must repeat itself to keep the lie in the cache. Why not a MAC address that
 * changes (arpwatch's "flip flop"): a DHCP lease handed to a new device, a replaced card and a
 * failover change it too, and a poisoner whose victims' owners are silent (as in the shared
 * capture) changes nothing the sensor saw.
 *
 * <p>No allocation per packet (tables are fixed, {@link MacIpTable}); an alert allocates one
 * record. Capture thread only; the counters may be read from any thread.
 */
public final class ArpWatch {
    static final long REQUEST_WINDOW_NANOS = 5_000_000_000L;
    static final long CLAIM_WINDOW_NANOS = 60_000_000_000L;
    static final int CLAIMS_TO_ALERT = 5;
    static final long EPISODE_QUIET_NANOS = 300_000_000_000L;
    /** How long a binding is remembered without being seen again (Linux keeps a stale entry about as long). */
    static final long BINDING_LIFETIME_NANOS = 4 * 3_600_000_000_000L;

    /** Counter indexes of {@link #counters()}. */
    public static final int REQUESTS = 0;
    public static final int REPLIES = 1;
    public static final int UNSOLICITED = 2;
    public static final int ALERTS = 3;
    /** Keys a full table could not track (an ARP flood of new addresses). */
    public static final int UNTRACKED = 4;

    private final MacIpTable requests;
    private final MacIpTable owners;
    private final MacIpTable claims;
    private final NoticeSink sink;
    private final SingleWriterCounters counters = new SingleWriterCounters(5);

    public ArpWatch(NoticeSink sink) {
        this(sink, 4096, 65_536, 4096);
    }

    ArpWatch(NoticeSink sink, int requestCapacity, int ownerCapacity, int claimCapacity) {
        this.sink = sink;
        this.requests = new MacIpTable(requestCapacity, REQUEST_WINDOW_NANOS);
        this.owners = new MacIpTable(ownerCapacity, BINDING_LIFETIME_NANOS);
        this.claims = new MacIpTable(claimCapacity, EPISODE_QUIET_NANOS);
    }

    /** One decoded ARP packet. */
    public void onArp(ArpView v) {
        long now = v.tsNanos();
        int op = v.op();
        if (op == ArpView.OP_REQUEST) {
            counters.increment(REQUESTS);
            int s = requests.findOrAdd(0, v.targetIp(), now);
            if (s == SlotIndex.NONE) {
                counters.increment(UNTRACKED);
            } else {
                requests.last[s] = now;
            }
            learnOwner(v, now);
        } else if (op == ArpView.OP_REPLY) {
            counters.increment(REPLIES);
            if (v.gratuitous() || solicited(v.senderIp(), now)) {
                learnOwner(v, now);
            } else {
                counters.increment(UNSOLICITED);
                claim(v, now);
            }
        }
    }

    /** Requests, replies, unsolicited replies, alerts, untracked keys: index by the constants above. */
    public SingleWriterCounters counters() {
        return counters;
    }

    private boolean solicited(int ip, long now) {
        int s = requests.find(0, ip);
        return s != SlotIndex.NONE && now - requests.last[s] <= REQUEST_WINDOW_NANOS;
    }

    private void learnOwner(ArpView v, long now) {
        if (v.senderIp() == 0) {
            return; // an address probe (RFC 5227) names no owner
        }
        int s = owners.findOrAdd(0, v.senderIp(), now);
        if (s == SlotIndex.NONE) {
            counters.increment(UNTRACKED);
            return;
        }
        owners.value[s] = v.senderMac();
        owners.last[s] = now;
    }

    private void claim(ArpView v, long now) {
        long mac = v.senderMac();
        int ip = v.senderIp();
        if (!isUnicast(mac)) {
            return; // no host can be reached at it: arpspoof's clean-up says 00:00:00:00:00:00
        }
        long owner = ownerOf(ip, now);
        if (owner == mac) {
            return;
        }
        int s = claims.findOrAdd(mac, ip, now);
        if (s == SlotIndex.NONE) {
            counters.increment(UNTRACKED);
            return;
        }
        if (claims.countTowardAlert(s, now, CLAIM_WINDOW_NANOS, CLAIMS_TO_ALERT, EPISODE_QUIET_NANOS)) {
            counters.increment(ALERTS);
            sink.accept(new ArpSpoofNotice(now, claims.first[s], mac, ip, owner, v.targetMac(), v.targetIp(), claims.count[s]));
        }
    }

    private static boolean isUnicast(long mac) {
        return mac != 0 && (mac & 0x0100_0000_0000L) == 0;
    }

    private long ownerOf(int ip, long now) {
        int s = owners.find(0, ip);
        return s != SlotIndex.NONE && now - owners.last[s] <= BINDING_LIFETIME_NANOS ? owners.value[s] : -1;
    }
}
