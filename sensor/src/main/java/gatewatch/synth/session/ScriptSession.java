package gatewatch.synth.session;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A session of one or more TCP connections played from a list of {@link Action}s, one action a
 * step. Each action starts when the previous one finished plus its delay: a reply starts after
 * the request has reached the server, a close after the last message. Build one with
 * {@link ScriptBuilder}.
 */
public final class ScriptSession extends StepSession {
    private final TcpConversation[] connections;
    private final List<Action> actions;
    private int index;
    private long clock;

    ScriptSession(Tally tally, long startNanos, List<Link> links, List<Action> actions, RandomGenerator rng) {
        super(tally);
        this.clock = startNanos;
        this.actions = List.copyOf(actions);
        this.connections = new TcpConversation[links.size()];
        for (int i = 0; i < connections.length; i++) {
            Link l = links.get(i);
            connections[i] = new TcpConversation(sink(), l.originator(), l.originatorPort(), l.responder(),
                    l.responderPort(), l.rttNanos(), l.bitsPerSecond(), rng);
        }
    }

    @Override
    protected long nextStepNanos() {
        return clock;
    }

    @Override
    protected boolean step() {
        if (index == actions.size()) {
            return false;
        }
        Action a = actions.get(index++);
        TcpConversation c = connections[a.connection()];
        long at = clock + a.delayNanos();
        clock = switch (a) {
            case Action.Open o -> c.open(at);
            case Action.Send s -> c.send(s.from(), s.data(), at);
            case Action.Close cl -> c.close(cl.from(), at);
            case Action.Reset r -> {
                c.reset(r.from(), at);
                yield at;
            }
        };
        return true;
    }
}
