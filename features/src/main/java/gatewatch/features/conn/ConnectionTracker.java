package gatewatch.features.conn;

import gatewatch.features.decode.PacketView;
import gatewatch.features.kdd.ProtocolType;
import gatewatch.features.kdd.ServiceTable;
import gatewatch.features.table.SlotLists;

/**
 * Assembles decoded packets into connections and reports each one when it finishes.
 *
 * <p>TCP and UDP connections are keyed by the canonical 5-tuple in a bounded {@link FlowTable};
 * the originator is the sender of the first SYN, or of the first packet when no SYN was seen.
 * Each ICMP message is its own record, as in the KDD data. Connections end by timeout (driven
 * by {@link #advanceTime}: packet time in replay, wall time live), by reuse of their 5-tuple, by
 * eviction when the table is full (least recently active first), or by {@link #flush}.
 *
 * <p>Capture thread only; no allocation per packet once the table's slots are warm.
 *
 * <p><b>Where a finished connection leaves.</b> {@link #finish} hands it to the
 * {@link ConnectionListener} synchronously, inside whichever call finished it: the packet that
 * reused its 5-tuple, the packet whose time made it (or any older connection) time out, the packet
 * whose new connection evicted it, or {@link #flush}. So a packet of one connection can carry the
 * cost of reporting others, and everything downstream on the capture thread (content, windows,
 * and the record sink for each record the windows release) runs inside that packet's
 * {@link #onPacket}. The sink of a replay waits when
 * the queue to the detector is full ({@code FullQueuePolicy.BLOCK}), which pauses reading the file
 * at that packet and loses nothing; a live sink drops and counts instead, because waiting would
 * make the kernel drop packets. The slot is reused only after the listener returns, which is why
 * the listener may read the connection without copying it.
 */
public final class ConnectionTracker {
    private final FlowTable table;
    /**
     * One list of slots per {@link TimeoutClass}, each in order of last activity: a packet moves its
     * connection to the end of its class's list, so the first of each list is the next to expire
     * and the sweep never scans the table.
     */
    private final SlotLists expiry;
    private final Timeouts timeouts;
    /** {@code TimeoutClass.values()} once: the sweep runs on every packet and values() copies its array. */
    private static final TimeoutClass[] TIMEOUT_CLASSES = TimeoutClass.values();
    private final long[] timeoutNanos = new long[TIMEOUT_CLASSES.length];
    private final ConnectionListener listener;
    private final TrackerCounters counters;
    private final PayloadObserver payloads;
    private final Connection icmpScratch = new Connection(-1);
    private long now = Long.MIN_VALUE;
    /**
     * No open connection times out before this: a lower bound on the heads' deadlines, lowered
     * whenever a packet sets one and made exact by each sweep, so that a packet whose time is
     * before it skips the sweep and loads none of the heads.
     */
    private long nextDeadline = Long.MAX_VALUE;

    public ConnectionTracker(int capacity, Timeouts timeouts, ConnectionListener listener, TrackerCounters counters) {
        this(capacity, timeouts, listener, counters, PayloadObserver.NONE);
    }

    public ConnectionTracker(int capacity, Timeouts timeouts, ConnectionListener listener, TrackerCounters counters,
            PayloadObserver payloads) {
        this.payloads = payloads;
        this.table = new FlowTable(capacity);
        this.expiry = new SlotLists(capacity, TIMEOUT_CLASSES.length);
        this.timeouts = timeouts;
        for (TimeoutClass c : TIMEOUT_CLASSES) {
            timeoutNanos[c.ordinal()] = timeouts.nanos(c);
        }
        this.listener = listener;
        this.counters = counters;
    }

    public TrackerCounters counters() {
        return counters;
    }

    public Timeouts timeouts() {
        return timeouts;
    }

    /** Connections currently open in the table. */
    public int openConnections() {
        return table.size();
    }

    public int capacity() {
        return table.capacity();
    }

    /** Tracks one decoded packet (a {@link gatewatch.features.decode.DecodeStatus#PACKET} view). */
    public void onPacket(PacketView v) {
        counters.countPacket();
        advanceTime(v.tsNanos());
        if (v.isIcmp()) {
            if (v.protocol() == PacketView.PROTO_ICMPV6 && isLinkControl(v.icmpType())) {
                // IPv6's ARP and IGMP: neighbour discovery and multicast listener messages stay on
                // the link and are not conversations between hosts, as ARP frames are not (the
                // decoder skips those). Counted, not recorded.
                counters.countLinkControl();
                return;
            }
            icmpMessage(v);
            return;
        }
        int proto = v.protocol();
        boolean senderIsA = lowerFirst(v.srcHi(), v.srcLo(), v.srcPort(), v.dstHi(), v.dstLo(), v.dstPort());
        long aHi = senderIsA ? v.srcHi() : v.dstHi();
        long aLo = senderIsA ? v.srcLo() : v.dstLo();
        long bHi = senderIsA ? v.dstHi() : v.srcHi();
        long bLo = senderIsA ? v.dstLo() : v.srcLo();
        int aPort = senderIsA ? v.srcPort() : v.dstPort();
        int bPort = senderIsA ? v.dstPort() : v.srcPort();
        int hash = FlowTable.hash(aHi, aLo, bHi, bLo, aPort, bPort, proto);

        Connection c = table.find(aHi, aLo, bHi, bLo, aPort, bPort, proto, hash);
        if (c != null && proto == PacketView.PROTO_TCP && isReuse(c, v)) {
            finish(c, FinishReason.REUSED);
            c = null;
        }
        if (c == null) {
            if (table.isFull()) {
                evictOldest();
            }
            c = table.insert(aHi, aLo, bHi, bLo, aPort, bPort, proto, hash);
            open(c, v, senderIsA);
            if (proto == PacketView.PROTO_TCP) {
                payloads.opened(c);
            }
        }
        boolean isOrig = senderIsA == c.origIsA;
        if (proto == PacketView.PROTO_TCP) {
            long streamOffset = TcpTracking.packet(c, isOrig, v);
            if (v.payloadCapLength() > 0 && !v.hasFlag(PacketView.TCP_RST)) {
                payloads.payload(c, isOrig, streamOffset, v);
            }
        } else {
            udpPacket(c, isOrig, v);
        }
        c.wrongFragments += v.wrongFragments();
        TimeoutClass cls = timeoutClassOf(c);
        touch(c, cls);
        nextDeadline = Math.min(nextDeadline, deadline(c.lastActivity, cls));
    }

    /** Puts a connection at the end of its class's list (taking it out of where it was). */
    private void touch(Connection c, TimeoutClass cls) {
        if (c.timeoutClass != null) {
            if (c.timeoutClass == cls && expiry.last(cls.ordinal()) == c.slot) {
                return; // the packet before was this connection's too: already last
            }
            expiry.unlink(c.timeoutClass.ordinal(), c.slot);
        }
        expiry.append(cls.ordinal(), c.slot);
        c.timeoutClass = cls;
    }

    /** When a connection last active at {@code lastActivity} times out in class {@code cls}. */
    private long deadline(long lastActivity, TimeoutClass cls) {
        long t = timeoutNanos[cls.ordinal()];
        return lastActivity > Long.MAX_VALUE - t ? Long.MAX_VALUE : lastActivity + t;
    }

    /**
     * Moves the clock to {@code nanos} and reports every connection whose timeout has passed.
     * The clock never goes back: an earlier time is ignored.
     */
    public void advanceTime(long nanos) {
        if (nanos <= now) {
            return;
        }
        now = nanos;
        if (nanos < nextDeadline) {
            return;
        }
        long earliest = Long.MAX_VALUE;
        for (TimeoutClass cls : TIMEOUT_CLASSES) {
            long limit = now - timeoutNanos[cls.ordinal()];
            int s;
            while ((s = expiry.first(cls.ordinal())) >= 0) {
                Connection c = table.slot(s);
                if (c.lastActivity > limit) {
                    earliest = Math.min(earliest, deadline(c.lastActivity, cls));
                    break;
                }
                finish(c, FinishReason.TIMEOUT);
            }
        }
        nextDeadline = earliest;
    }

    /** Reports every open connection (end of input, or stop) and empties the table. */
    public void flush() {
        for (TimeoutClass cls : TIMEOUT_CLASSES) {
            int s;
            while ((s = expiry.first(cls.ordinal())) >= 0) {
                finish(table.slot(s), FinishReason.FLUSHED);
            }
        }
    }

    private void open(Connection c, PacketView v, boolean senderIsA) {
        counters.countCreated();
        c.protocol = ProtocolType.ofIpProtocol(v.protocol());
        c.startNanos = v.tsNanos();
        c.lastNanos = v.tsNanos();
        c.lastActivity = v.tsNanos();
        c.origIsA = senderIsA;
        boolean synAck = v.isTcp() && (v.tcpFlags() & (PacketView.TCP_SYN | PacketView.TCP_ACK | PacketView.TCP_FIN
                | PacketView.TCP_RST)) == (PacketView.TCP_SYN | PacketView.TCP_ACK);
        if (synAck || (v.isTcp() && !v.hasFlag(PacketView.TCP_SYN) && senderLooksLikeServer(v))) {
            // The first packet answers a SYN we did not see, or comes from a server's port in a
            // connection picked up mid-stream: its receiver opened the connection.
            c.origIsA = !senderIsA;
            c.history.flip();
        }
        int respPort = c.respPort();
        c.service = v.isTcp() ? ServiceTable.tcp(c.origPort(), respPort) : ServiceTable.udp(respPort);
    }

    /**
     * Zeek's guess of the responder of a TCP connection whose first packet seen is not a SYN
     * ({@code TCPAnalyzer::WantConnection}): the sender is the server when its port is a likely
     * server port and the receiver's is not, or when both are and the sender's is the lower. So a
     * session whose server spoke first in the capture (an FTP banner, an HTTP response) is
     * oriented client to server and gets its service, not the client's ephemeral port's.
     */
    private static boolean senderLooksLikeServer(PacketView v) {
        int src = v.srcPort();
        int dst = v.dstPort();
        if (!ServiceTable.isLikelyServerPort(src)) {
            return false;
        }
        return !ServiceTable.isLikelyServerPort(dst) || dst > src;
    }

    /** ICMPv6 types of neighbour discovery (RFC 4861, 3122), multicast listener discovery (RFC 2710, 3810) and multicast router discovery (RFC 4286). */
    static boolean isLinkControl(int icmpv6Type) {
        return (icmpv6Type >= 130 && icmpv6Type <= 137) || (icmpv6Type >= 141 && icmpv6Type <= 143)
                || (icmpv6Type >= 151 && icmpv6Type <= 153);
    }

    /** Zeek's reuse test: a fresh SYN on a 5-tuple whose connection has ended starts a new one. */
    private static boolean isReuse(Connection c, PacketView v) {
        if (!v.hasFlag(PacketView.TCP_SYN) || v.hasFlag(PacketView.TCP_ACK) || v.hasFlag(PacketView.TCP_RST)) {
            return false;
        }
        return c.ended();
    }

    private static void udpPacket(Connection c, boolean isOrig, PacketView v) {
        TcpEndpoint ep = isOrig ? c.orig : c.resp;
        if (ep.packets < Integer.MAX_VALUE) {
            ep.packets++;
        }
        ep.ipBytes += v.ipLength();
        if (isOrig) {
            c.origDatagramBytes += v.payloadWireLength();
        } else {
            c.respDatagramBytes += v.payloadWireLength();
        }
        ep.state = EndpointState.ESTABLISHED;
        c.lastNanos = v.tsNanos();
        c.lastActivity = v.tsNanos();
    }

    private void icmpMessage(PacketView v) {
        Connection c = icmpScratch;
        c.reset();
        c.ipProtocol = v.protocol();
        c.protocol = ProtocolType.ICMP;
        c.origIsA = true;
        c.aHi = v.srcHi();
        c.aLo = v.srcLo();
        c.bHi = v.dstHi();
        c.bLo = v.dstLo();
        c.aPort = 0;
        c.bPort = 0;
        c.startNanos = v.tsNanos();
        c.lastNanos = v.tsNanos();
        c.service = ServiceTable.icmp(v.icmpType(), v.icmpCode(), v.protocol() == PacketView.PROTO_ICMPV6);
        c.icmpType = v.icmpType();
        c.icmpCode = v.icmpCode();
        // KDD counts the whole ICMP message, header included (an empty echo request has 8 bytes).
        c.origDatagramBytes = v.payloadWireLength() + 8L;
        c.orig.packets = 1;
        c.orig.ipBytes = v.ipLength();
        c.orig.state = EndpointState.ESTABLISHED;
        c.wrongFragments = v.wrongFragments();
        counters.countCreated();
        counters.countFinished(FinishReason.SINGLE_PACKET);
        listener.onConnection(c, FinishReason.SINGLE_PACKET);
    }

    private TimeoutClass timeoutClassOf(Connection c) {
        if (c.ipProtocol != PacketView.PROTO_TCP) {
            return TimeoutClass.UDP;
        }
        if (c.ended()) {
            return TimeoutClass.TCP_CLOSED;
        }
        EndpointState o = c.orig.state;
        EndpointState r = c.resp.state;
        if ((o == EndpointState.SYN_SENT || o == EndpointState.SYN_ACK_SENT) && r == EndpointState.INACTIVE) {
            return TimeoutClass.TCP_ATTEMPT;
        }
        return TimeoutClass.TCP_ACTIVE;
    }

    private void evictOldest() {
        Connection oldest = null;
        for (TimeoutClass cls : TIMEOUT_CLASSES) {
            int s = expiry.first(cls.ordinal());
            if (s >= 0) {
                Connection c = table.slot(s);
                if (oldest == null || c.lastActivity < oldest.lastActivity) {
                    oldest = c;
                }
            }
        }
        finish(oldest, FinishReason.EVICTED);
    }

    /** Reports {@code c} now, on this call's stack (see the class comment), then frees its slot. */
    private void finish(Connection c, FinishReason reason) {
        expiry.unlink(c.timeoutClass.ordinal(), c.slot);
        c.timeoutClass = null;
        counters.countFinished(reason);
        listener.onConnection(c, reason);
        table.remove(c);
    }

    /** Canonical order of the two endpoints: true when (a, aPort) sorts before (b, bPort). */
    private static boolean lowerFirst(long aHi, long aLo, int aPort, long bHi, long bLo, int bPort) {
        if (aHi != bHi) {
            return Long.compareUnsigned(aHi, bHi) < 0;
        }
        if (aLo != bLo) {
            return Long.compareUnsigned(aLo, bLo) < 0;
        }
        return aPort <= bPort;
    }
}
