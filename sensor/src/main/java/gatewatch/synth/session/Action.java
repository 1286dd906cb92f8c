package gatewatch.synth.session;

import gatewatch.synth.session.TcpConversation.Side;

/**
 * One step of a {@link ScriptSession}: something one end of one of the session's connections
 * does, {@code delayNanos} after the previous step finished (think time, server work, typing).
 */
public sealed interface Action {
    int connection();

    long delayNanos();

    /** The three-way handshake. */
    record Open(int connection, long delayNanos) implements Action {
    }

    /** One application message, cut into segments. */
    record Send(int connection, Side from, byte[] data, long delayNanos) implements Action {
    }

    /** FIN from {@code from}, FIN back, last ACK. */
    record Close(int connection, Side from, long delayNanos) implements Action {
    }

    /** RST from {@code from}. */
    record Reset(int connection, Side from, long delayNanos) implements Action {
    }
}
