package gatewatch.features.content;

import gatewatch.features.conn.Connection;
import gatewatch.features.conn.PayloadObserver;
import gatewatch.features.decode.PacketView;
import gatewatch.features.kdd.KddFeature;
import gatewatch.features.kdd.Service;

/**
 * The 13 KDD content features (columns 10-22: {@code hot} ... {@code is_guest_login}) from the
 * reassembled clear-text dialogue of login and command services: telnet, rlogin, rsh, rexec,
 * ftp, pop3, imap, smtp and http; and for ssh, failed and successful logins inferred from the
 * sizes of its encrypted messages. See docs/FEATURES.md for every rule and why.
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
    /** Observer state of a connection found not to be clear text: zeros, no session held. */
    private static final int UNRECOGNISED = Integer.MAX_VALUE;
    private static final DialogueKind[] KINDS = DialogueKind.values();

    private final ContentConfig config;
    private final ContentCounters counters = new ContentCounters();
    private final Rules rules = new Rules();
    private final BufferPool reorderBuffers;
    private final ContentSession[] sessions;
    private final int[] free;
    private int freeCount;
    private int made;

    /*
     * Per connection, in Connection.observerState(): 0 = nothing to inspect; k > 0 = the dialogue
     * KINDS[k - 1] starts at the first payload; s < 0 = session -(s + 1) is inspecting it;
     * UNRECOGNISED = its stream was not clear text (TLS on 443, SSH that is not SSH), so it gets
     * zeros and has given its session back.
     */

    /** @param config the bounds */
    public ContentInspector(ContentConfig config) {
        this.config = config;
        this.reorderBuffers = new BufferPool(config.reorderWindowBytes(), 2 * config.maxInspected());
        this.sessions = new ContentSession[config.maxInspected()];
        this.free = new int[config.maxInspected()];
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
        int stale = c.observerState();
        if (stale < 0) {
            // finish() was not called for the slot's last connection: drop its state.
            sessions[sessionOf(stale)].abandon();
            release(c, sessionOf(stale));
        }
        // The session is taken at the first payload, not here: a SYN flood against a web server
        // opens hundreds of thousands of "http" connections that never carry a byte.
        DialogueKind kind = DialogueKind.of(c.service());
        c.observerState(kind == null ? 0 : kind.ordinal() + 1);
    }

    @Override
    public void payload(Connection c, boolean fromOriginator, long streamOffset, PacketView v) {
        int state = c.observerState();
        int s;
        if (state < 0) {
            s = sessionOf(state);
        } else {
            if (state == 0 || state == UNRECOGNISED) {
                return;
            }
            c.observerState(0);
            s = acquire();
            if (s == NONE) {
                counters.connectionsNotInspected++;
                return;
            }
            sessions[s].start(KINDS[state - 1]);
            c.observerState(stateOf(s));
            counters.connectionsInspected++;
        }
        ContentSession session = sessions[s];
        session.segment(fromOriginator, streamOffset, v);
        if (session.unrecognised()) {
            // Zeros whatever follows: give the session back now, not at the end. Most of today's
            // port 443 is TLS, and a gateway's long TLS connections would otherwise hold every
            // session of the pool while a clear-text login waits for one.
            session.abandon();
            release(c, s);
            c.observerState(UNRECOGNISED);
        }
    }

    /**
     * Fills columns 10-22 of {@code features} for {@code c} and releases its state. Zeros for a
     * service not inspected, for UDP and ICMP, and for a stream that was not clear text.
     */
    public void finish(Connection c, double[] features) {
        int state = c.observerState();
        if (state >= 0) {
            if (state == UNRECOGNISED) {
                counters.connectionsUnrecognised++;
            }
            c.observerState(0);
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
        int s = sessionOf(state);
        ContentSession session = sessions[s];
        session.finish();
        if (session.unrecognised()) {
            counters.connectionsUnrecognised++;
            ContentFeatures.writeZeros(features);
        } else {
            session.features.writeTo(features);
        }
        release(c, s);
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

    /** The observer state of a connection that {@code session} inspects (negative). */
    private static int stateOf(int session) {
        return -(session + 1);
    }

    /** The session of a negative observer state. */
    private static int sessionOf(int state) {
        return -(state + 1);
    }

    private void release(Connection c, int s) {
        c.observerState(0);
        free[freeCount++] = s;
    }
}
