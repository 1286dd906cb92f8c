package gatewatch.synth.scenario;

import gatewatch.synth.session.Session;
import gatewatch.synth.session.SessionSource;
import java.util.function.LongFunction;
import java.util.random.RandomGenerator;

/** {@code count} sessions one after another, each made when it starts, with random gaps between their starts. */
final class SequentialSessions implements SessionSource {
    private final LongFunction<Session> make;
    private final RandomGenerator rng;
    private final long minGap;
    private final long maxGap;
    private int left;
    private long next;

    SequentialSessions(int count, long start, long minGap, long maxGap, RandomGenerator rng, LongFunction<Session> make) {
        this.left = count;
        this.next = start;
        this.minGap = minGap;
        this.maxGap = maxGap;
        this.rng = rng;
        this.make = make;
    }

    @Override
    public long nextStartNanos() {
        return left == 0 ? Long.MAX_VALUE : next;
    }

    @Override
    public Session start() {
        Session s = make.apply(next);
        left--;
        next += minGap + (long) (rng.nextDouble() * (maxGap - minGap));
        return s;
    }
}
