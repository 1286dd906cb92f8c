package gatewatch.synth.scenario;

import gatewatch.synth.net.Host;
import gatewatch.synth.net.Network;
import gatewatch.synth.service.Draw;
import gatewatch.synth.service.Env;
import gatewatch.synth.session.SessionSource;
import gatewatch.synth.session.StepSession;
import gatewatch.synth.session.TcpConversation;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * A half-open port scan of one server (KDD {@code portsweep}/{@code satan}): one source, one
 * source port, about 50 probes a second, the well-known ports in random order and then the high
 * ports. A closed port answers RST-ACK (REJ); an open one answers SYN-ACK and the scanner resets
 * (RSTO). Every record has 0 bytes; nearly all are REJ to services {@code other} and
 * {@code private}, as the satan records of the KDD data (and the REJ among its portsweep ones).
 */
public final class PortScan implements Scenario {
    private static final long MEAN_GAP = 20 * Draw.MS;
    private static final Set<Integer> OPEN = Set.of(21, 22, 23, 25, 53, 80, 111, 113, 139, 443, 513, 514, 515, 6000);

    @Override
    public ScenarioKind kind() {
        return ScenarioKind.PORTSWEEP;
    }

    @Override
    public long durationNanos(int records) {
        return records * MEAN_GAP;
    }

    @Override
    public SessionSource sessions(Env env, int records, long startNanos, RandomGenerator.SplittableGenerator rng) {
        Host scanner = env.network().host(Network.ATTACKER_NET + rng.nextInt(2, 250));
        Host victim = env.network().host(Draw.pick(rng, Network.SERVERS));
        env.tally().attacker(scanner);
        env.tally().victim(victim);
        env.tally().addRecords(records);
        return new OneSession(startNanos, new Scan(env, scanner, victim, records, startNanos, rng.split()));
    }

    private static final class Scan extends StepSession {
        private final Host scanner;
        private final Host victim;
        private final int sourcePort;
        private final int[] lowPorts = new int[1024];
        private final RandomGenerator rng;
        private int done;
        private final int records;
        private long clock;

        Scan(Env env, Host scanner, Host victim, int records, long start, RandomGenerator rng) {
            super(env.tally());
            this.scanner = scanner;
            this.victim = victim;
            this.records = records;
            this.clock = start;
            this.rng = rng;
            this.sourcePort = rng.nextInt(32_768, 61_000);
            for (int i = 0; i < lowPorts.length; i++) {
                lowPorts[i] = i + 1;
            }
            for (int i = lowPorts.length - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = lowPorts[i];
                lowPorts[i] = lowPorts[j];
                lowPorts[j] = t;
            }
        }

        @Override
        protected long nextStepNanos() {
            return clock;
        }

        @Override
        protected boolean step() {
            if (done == records) {
                return false;
            }
            // All 65,535 ports, the well-known ones first, then round again for a larger budget.
            int n = done % 65_535;
            int port = n < lowPorts.length ? lowPorts[n] : n + 1;
            TcpConversation c = new TcpConversation(sink(), scanner, sourcePort, victim, port,
                    Draw.millis(rng, 20, 80), 10_000_000L, rng);
            if (OPEN.contains(port)) {
                c.synAckThenReset(clock);
            } else {
                c.refused(clock);
            }
            clock += Math.max(100_000L, Draw.exponential(rng, MEAN_GAP));
            done++;
            return true;
        }
    }
}
