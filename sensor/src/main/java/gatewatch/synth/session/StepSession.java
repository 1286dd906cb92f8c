package gatewatch.synth.session;

import gatewatch.synth.wire.Packet;
import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * A session written as a script of steps (connect, request, response, close; or one probe of a
 * scan). Steps run only as far ahead as needed: a step runs when the earliest pending packet is
 * later than anything a further step could send ({@link #nextStepNanos()}), so an open session
 * holds a few steps' packets, never the whole session.
 *
 * <p>Packets of overlapping steps (ACKs one way while data flows the other, replies of one
 * round still arriving when the next starts) are handed out in time order; a packet a step
 * timed before one already handed out is moved up to that time, so the session never goes back.
 */
public abstract class StepSession implements Session {
    private record Pending(Packet packet, long order) {
    }

    private static final Comparator<Pending> EARLIEST = Comparator.<Pending>comparingLong(p -> p.packet.timeNanos())
            .thenComparingLong(Pending::order);

    private final PriorityQueue<Pending> pending = new PriorityQueue<>(EARLIEST);
    private final Tally tally;
    private long added;
    private long handedOut = Long.MIN_VALUE;
    private boolean over;

    protected StepSession(Tally tally) {
        this.tally = tally;
    }

    /**
     * Runs the next step, adding its packets through {@link #sink()}.
     *
     * @return false when the script has no more steps
     */
    protected abstract boolean step();

    /** No packet of a step not yet run is earlier than this. */
    protected abstract long nextStepNanos();

    /** Where steps put their packets. */
    protected final PacketSink sink() {
        return p -> pending.add(new Pending(p.timeNanos() < handedOut ? p.at(handedOut) : p, added++));
    }

    @Override
    public final long nextTime() {
        fill();
        return pending.isEmpty() ? Long.MAX_VALUE : pending.peek().packet.timeNanos();
    }

    @Override
    public final Packet next() {
        fill();
        Packet p = pending.remove().packet;
        handedOut = p.timeNanos();
        return p;
    }

    @Override
    public final Tally tally() {
        return tally;
    }

    private void fill() {
        while (!over && (pending.isEmpty() || pending.peek().packet.timeNanos() > nextStepNanos())) {
            over = !step();
        }
    }
}
