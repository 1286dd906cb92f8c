package gatewatch.synth.scenario;

import gatewatch.synth.net.Host;
import gatewatch.synth.net.Network;
import gatewatch.synth.service.Draw;
import gatewatch.synth.service.Env;
import gatewatch.synth.service.Paths;
import gatewatch.synth.session.SessionSource;
import gatewatch.synth.session.StepSession;
import gatewatch.synth.wire.IcmpMessage;
import java.util.random.RandomGenerator;

/**
 * An ICMP sweep of the site (KDD {@code ipsweep}): empty echo requests (8 bytes, as nmap sends
 * and as 817 of the KDD ipsweep records are) to 10.1.0.1, .2, ... in turn, about 12 a second;
 * the hosts that exist answer. Each message is its own record: eco_i with src_bytes 8 to many
 * hosts, one each, and ecr_i for the answers.
 */
public final class PingSweep implements Scenario {
    private static final long MEAN_GAP = 80 * Draw.MS;
    private static final byte[] NO_DATA = new byte[0];

    @Override
    public ScenarioKind kind() {
        return ScenarioKind.IPSWEEP;
    }

    @Override
    public long durationNanos(int records) {
        return records * MEAN_GAP;
    }

    @Override
    public SessionSource sessions(Env env, int records, long startNanos, RandomGenerator.SplittableGenerator rng) {
        Host sweeper = env.network().host(Network.ATTACKER_NET + rng.nextInt(2, 250));
        env.tally().attacker(sweeper);
        env.tally().addRecords(records);
        return new OneSession(startNanos, new Sweep(env, sweeper, records, startNanos, rng.split()));
    }

    private static final class Sweep extends StepSession {
        private final Env env;
        private final Host sweeper;
        private final int identifier;
        private final RandomGenerator rng;
        private int left;
        private int sequence;
        private int target = Network.ROUTER;
        private long clock;

        Sweep(Env env, Host sweeper, int records, long start, RandomGenerator rng) {
            super(env.tally());
            this.env = env;
            this.sweeper = sweeper;
            this.left = records;
            this.clock = start;
            this.rng = rng;
            this.identifier = rng.nextInt(65_536);
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
            // A live host answers: two records. With one record left, sweep on to one that does not.
            while (left == 1 && Network.isLive(target)) {
                target = nextAddress(target);
            }
            Host dst = env.network().host(target);
            env.tally().victim(dst);
            sink().add(new IcmpMessage(clock, sweeper, dst, IcmpMessage.ECHO_REQUEST, identifier, sequence, NO_DATA, 0));
            left--;
            if (Network.isLive(target)) {
                long reply = clock + 2 * Paths.oneWay(sweeper, dst, rng) + 50_000L;
                sink().add(new IcmpMessage(reply, dst, sweeper, IcmpMessage.ECHO_REPLY, identifier, sequence, NO_DATA, 0));
                left--;
            }
            sequence = (sequence + 1) & 0xffff;
            target = nextAddress(target);
            clock += Math.max(1_000_000L, Draw.exponential(rng, MEAN_GAP));
            return true;
        }

        /** The next host address of the site, skipping .0 and .255 of each /24. */
        private static int nextAddress(int a) {
            int next = a + 1;
            while ((next & 0xff) == 0 || (next & 0xff) == 255) {
                next++;
            }
            return Network.isLocal(next) ? next : Network.ROUTER;
        }
    }
}
