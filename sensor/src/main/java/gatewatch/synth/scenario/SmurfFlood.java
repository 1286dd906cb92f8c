package gatewatch.synth.scenario;

import gatewatch.synth.net.Host;
import gatewatch.synth.net.Network;
import gatewatch.synth.service.Draw;
import gatewatch.synth.service.Env;
import gatewatch.synth.session.SessionSource;
import gatewatch.synth.session.StepSession;
import gatewatch.synth.wire.IcmpMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A smurf attack (KDD {@code smurf}) as the victim's network sees it: the attacker, elsewhere,
 * sends echo requests with the victim's address to a broadcast address a hundred times a
 * second; every host of that network (the amplifiers, 40–90 here) answers the victim with an
 * echo reply of 1,024 data bytes. Thousands of replies a second: each an ecr_i record with
 * src_bytes 1,032, like the 228,017 smurf records of the KDD data, and {@code count} at its cap.
 */
public final class SmurfFlood implements Scenario {
    private static final long ROUND_GAP = 10 * Draw.MS;
    private static final int DATA = 1_024;
    private static final int TYPICAL_AMPLIFIERS = 64;

    @Override
    public ScenarioKind kind() {
        return ScenarioKind.SMURF;
    }

    @Override
    public long durationNanos(int records) {
        return (records / TYPICAL_AMPLIFIERS + 1) * ROUND_GAP;
    }

    @Override
    public SessionSource sessions(Env env, int records, long startNanos, RandomGenerator.SplittableGenerator rng) {
        List<Integer> all = new ArrayList<>();
        for (int i = 1; i < 255; i++) {
            all.add(Network.AMPLIFIER_NET + i);
        }
        int count = rng.nextInt(40, 91);
        List<Host> amplifiers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            amplifiers.add(env.network().host(all.remove(rng.nextInt(all.size()))));
        }
        List<Integer> targets = new ArrayList<>(Network.CLIENTS);
        targets.addAll(Network.SERVERS);
        Host victim = env.network().host(Draw.pick(rng, targets));
        env.tally().victim(victim);
        amplifiers.forEach(env.tally()::attacker);
        env.tally().addRecords(records);
        byte[] data = new byte[DATA];
        for (int i = 0; i < DATA; i++) {
            data[i] = (byte) i;
        }
        return new OneSession(startNanos, new Flood(env, victim, amplifiers, data, records, startNanos, rng.split()));
    }

    private static final class Flood extends StepSession {
        private final Host victim;
        private final List<Host> amplifiers;
        private final long[] delay;
        private final byte[] data;
        private final RandomGenerator rng;
        private final int identifier;
        private int left;
        private int sequence;
        private long clock;

        Flood(Env env, Host victim, List<Host> amplifiers, byte[] data, int records, long start, RandomGenerator rng) {
            super(env.tally());
            this.victim = victim;
            this.amplifiers = amplifiers;
            this.data = data;
            this.left = records;
            this.clock = start;
            this.rng = rng;
            this.identifier = rng.nextInt(65_536);
            // Each amplifier sits at its own distance from the victim.
            this.delay = new long[amplifiers.size()];
            for (int i = 0; i < delay.length; i++) {
                delay[i] = Draw.millis(rng, 2, 40);
            }
        }

        @Override
        protected long nextStepNanos() {
            return clock;
        }

        @Override
        protected boolean step() {
            if (left == 0) {
                return false;
            }
            int n = Math.min(left, amplifiers.size());
            for (int i = 0; i < n; i++) {
                long at = clock + delay[i] + Draw.millis(rng, 0, 3);
                sink().add(new IcmpMessage(at, amplifiers.get(i), victim, IcmpMessage.ECHO_REPLY, identifier, sequence,
                        data, DATA));
            }
            left -= n;
            sequence = (sequence + 1) & 0xffff;
            clock += Draw.millis(rng, 0.7 * ROUND_GAP / Draw.MS, 1.3 * ROUND_GAP / Draw.MS);
            return true;
        }
    }
}
