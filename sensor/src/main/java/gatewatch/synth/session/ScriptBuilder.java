package gatewatch.synth.session;

import gatewatch.synth.session.TcpConversation.Side;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/** Writes the script of a {@link ScriptSession}: its connections, then what each end does in turn. */
public final class ScriptBuilder {
    private final List<Link> links = new ArrayList<>();
    private final List<Action> actions = new ArrayList<>();

    /** Adds a connection; the returned index names it in later actions. */
    public int connection(Link link) {
        links.add(link);
        return links.size() - 1;
    }

    public ScriptBuilder open(int connection, long delayNanos) {
        actions.add(new Action.Open(connection, delayNanos));
        return this;
    }

    public ScriptBuilder send(int connection, Side from, byte[] data, long delayNanos) {
        actions.add(new Action.Send(connection, from, data, delayNanos));
        return this;
    }

    /** Sends an ASCII text message. */
    public ScriptBuilder send(int connection, Side from, String text, long delayNanos) {
        return send(connection, from, text.getBytes(StandardCharsets.ISO_8859_1), delayNanos);
    }

    public ScriptBuilder close(int connection, Side from, long delayNanos) {
        actions.add(new Action.Close(connection, from, delayNanos));
        return this;
    }

    public ScriptBuilder reset(int connection, Side from, long delayNanos) {
        actions.add(new Action.Reset(connection, from, delayNanos));
        return this;
    }

    /** The session, its first action at {@code startNanos}; {@code rng} draws the initial sequence numbers. */
    public ScriptSession build(Tally tally, long startNanos, RandomGenerator rng) {
        return new ScriptSession(tally, startNanos, links, actions, rng);
    }
}
