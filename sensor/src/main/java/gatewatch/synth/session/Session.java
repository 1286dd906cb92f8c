package gatewatch.synth.session;

import gatewatch.synth.wire.Packet;

/**
 * The packets of one session (a connection, or a few that belong together such as an FTP control
 * connection and its data connections), handed out one at a time in time order.
 */
public interface Session {
    /** Time of the next packet, or {@link Long#MAX_VALUE} when the session is over. */
    long nextTime();

    /** Removes and returns the next packet; only when {@link #nextTime()} is not {@code MAX_VALUE}. */
    Packet next();

    /** The episode this session's packets are counted in. */
    Tally tally();
}
