package gatewatch.synth.session;

/** The sessions of one scenario, in the order they start. */
public interface SessionSource {
    /** When the next session starts, or {@link Long#MAX_VALUE} when there is none. */
    long nextStartNanos();

    /** The session starting at {@link #nextStartNanos()}; its first packet is not earlier. */
    Session start();
}
