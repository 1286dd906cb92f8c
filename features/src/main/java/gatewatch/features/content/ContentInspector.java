package gatewatch.features.content;

import gatewatch.features.conn.Connection;
import gatewatch.features.conn.PayloadObserver;
import gatewatch.features.decode.PacketView;
import gatewatch.features.kdd.KddFeature;
import gatewatch.features.kdd.Service;

/**
 * The 13 KDD content features (columns 10-22: {@code hot} ... {@code is_guest_login}) from the
 * reassembled clear-text dialogue of login and command services: telnet, rlogin, rsh, rexec,
 * ftp, pop3, imap, smtp and http. See docs/FEATURES.md for every rule and why.
 *
 * <p>The tracker calls {@link #opened} and {@link #payload}; the connection listener calls
 * {@link #finish} when the tracker reports the connection, which fills the columns and releases
 * the connection's state. Only connections of inspected services take state, from a pool of
 * {@link ContentConfig#maxInspected()} sessions; each direction is reassembled in order within
 * {@link ContentConfig#streamBudgetBytes()} (see {@link StreamReassembler}).
 *
 * <p>Capture thread only. No allocation per packet once the pool is warm (a login line allocates
 * the user name's string, once per connection).
 */
public final class ContentInspector implements PayloadObserver {
    private static final int NONE = -1;

    private final ContentConfig config;
    private final ContentCounters counters = new ContentCounters();
    private final Rules rules = new Rules();
    private final BufferPool reorderBuffers;
    private final ContentSession[] sessions;
    private final int[] free;
    private int freeCount;
    private int made;
    private final int[] sessionOfSlot;
    /** The dialogue kind a slot's connection will get once it carries payload, or null. */
    private final DialogueKind[] kindOfSlot;

    /**
     * @param config   the bounds
     * @param capacity the tracker's table capacity: slots are {@code 0 .. capacity-1}
     */
    public ContentInspector(ContentConfig config, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, got " + capacity);
        }
        this.config = config;
        this.reorderBuffers = new BufferPool(config.reorderWindowBytes(), 2 * config.maxInspected());
        this.sessions = new ContentSession[config.maxInspected()];
        this.free = new int[config.maxInspected()];
        this.sessionOfSlot = new int[capacity];
        java.util.Arrays.fill(sessionOfSlot, NONE);
        this.kindOfSlot = new DialogueKind[capacity];
    }

    public ContentConfig config() {
        return config;
    }

    public ContentCounters counters() {
        return counters;
    }

    /** Connections holding a session now. */
    public int inspecting() {
        return made - freeCount;
    }

    /** True when connections of {@code service} are inspected (all others get zeros). */
    public static boolean inspects(gatewatch.features.kdd.Service service) {
        return DialogueKind.of(service) != null;
    }

    @Override
    public void opened(Connection c) {
        int slot = c.slot();
        if (slot < 0) {
            return;
        }
        int stale = sessionOfSlot[slot];
        if (stale != NONE) {
            // finish() was not called for the slot's last connection: drop its state.
            sessions[stale].abandon();
            release(slot, stale);
        }
        // The session is taken at the first payload, not here: a SYN flood against a web server
        // opens hundreds of thousands of "http" connections that never carry a byte.
        kindOfSlot[slot] = DialogueKind.of(c.service());
    }

    @Override
    public void payload(Connection c, boolean fromOriginator, long streamOffset, PacketView v) {
        int slot = c.slot();
        if (slot < 0) {
            return;
        }
        int s = sessionOfSlot[slot];
        if (s == NONE) {
            DialogueKind kind = kindOfSlot[slot];
            if (kind == null) {
                return;
            }
            kindOfSlot[slot] = null;
            s = acquire();
            if (s == NONE) {
                counters.connectionsNotInspected++;
                return;
            }
            sessions[s].start(kind);
            sessionOfSlot[slot] = s;
            counters.connectionsInspected++;
        }
        sessions[s].segment(fromOriginator, streamOffset, v);
    }

    /**
     * Fills columns 10-22 of {@code features} for {@code c} and releases its state. Zeros for a
     * service not inspected, for UDP and ICMP, and for a stream that was not clear text.
     */
    public void finish(Connection c, double[] features) {
        int slot = c.slot();
        int s = slot < 0 ? NONE : sessionOfSlot[slot];
        if (slot >= 0) {
            kindOfSlot[slot] = null;
        }
        if (s == NONE) {
            ContentFeatures.writeZeros(features);
            if (c.service() == Service.FTP_DATA && (c.origBytes() > 0 || c.respBytes() > 0)) {
                // An FTP data connection exists only once its control session has logged in (RFC 959:
                // PORT and PASV come after USER/PASS), so one that carried data is a logged-in transfer.
                // Its bytes are file contents, which no rule reads. In the KDD data 2,954 of 3,798
                // normal ftp_data rows have logged_in = 1.
                features[KddFeature.LOGGED_IN.ordinal()] = 1;
            }
            return;
        }
        ContentSession session = sessions[s];
        session.finish();
        if (session.unrecognised()) {
            counters.connectionsUnrecognised++;
            ContentFeatures.writeZeros(features);
        } else {
            session.features.writeTo(features);
        }
        release(slot, s);
    }

    private int acquire() {
        if (freeCount > 0) {
            return free[--freeCount];
        }
        if (made == sessions.length) {
            return NONE;
        }
        sessions[made] = new ContentSession(rules, config, counters, reorderBuffers);
        return made++;
    }

    private void release(int slot, int s) {
        sessionOfSlot[slot] = NONE;
        free[freeCount++] = s;
    }
}
