package gatewatch.synth.scenario;

import gatewatch.synth.net.Host;
import gatewatch.synth.net.Network;
import gatewatch.synth.service.Draw;
import gatewatch.synth.service.Env;
import gatewatch.synth.session.SessionSource;
import gatewatch.synth.session.StepSession;
import gatewatch.synth.session.TcpConversation;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A SYN flood (KDD {@code neptune}): about 125 SYNs a second from a few spoofed addresses to one
 * server, mostly to unregistered high ports, a dozen ports at a time (the set moves on every 150
 * SYNs): that is how the KDD neptune records look in the window features — {@code same_srv_rate}
 * and {@code diff_srv_rate} both near 0.07, {@code srv_count} climbing to about 20 and dropping —
 * where a SYN flood over random ports would look like satan's port probing. The swamped server answers one SYN in five with
 * RST-ACK and none with SYN-ACK, so the records are S0 (about 80 %) and REJ, with 0 bytes each
 * way, like the 81,930 S0 and 19,274 REJ neptune records of the KDD data; the 2-second
 * {@code count} to the victim runs into the hundreds.
 */
public final class SynFlood implements Scenario {
    private static final long MEAN_GAP = 8 * Draw.MS;
    private static final int SPOOFED_SOURCES = 16;
    private static final int PORTS_AT_A_TIME = 12;
    private static final int SYNS_PER_PORT_SET = 150;

    @Override
    public ScenarioKind kind() {
        return ScenarioKind.NEPTUNE;
    }

    @Override
    public long durationNanos(int records) {
        return records * MEAN_GAP;
    }

    @Override
    public SessionSource sessions(Env env, int records, long startNanos, RandomGenerator.SplittableGenerator rng) {
        Host victim = env.network().host(Draw.pick(rng, Network.SERVERS));
        List<Host> sources = new ArrayList<>();
        for (int i = 0; i < SPOOFED_SOURCES; i++) {
            sources.add(env.network().host(Network.SPOOFED_NET + rng.nextInt(1, 1 << 17)));
        }
        env.tally().victim(victim);
        sources.forEach(env.tally()::attacker);
        env.tally().addRecords(records);
        return new OneSession(startNanos, new Flood(env, victim, sources, records, startNanos, rng.split()));
    }

    private static final class Flood extends StepSession {
        private final Host victim;
        private final List<Host> sources;
        private final RandomGenerator rng;
        private final int[] ports = new int[PORTS_AT_A_TIME];
        private int left;
        private int sent;
        private long clock;

        Flood(Env env, Host victim, List<Host> sources, int records, long start, RandomGenerator rng) {
            super(env.tally());
            this.victim = victim;
            this.sources = sources;
            this.left = records;
            this.clock = start;
            this.rng = rng;
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
            Host src = Draw.pick(rng, sources);
            if (sent++ % SYNS_PER_PORT_SET == 0) {
                for (int i = 0; i < ports.length; i++) {
                    ports[i] = rng.nextInt(4) == 0 ? rng.nextInt(1, 1024) : rng.nextInt(1024, 65_536);
                }
            }
            int port = ports[rng.nextInt(ports.length)];
            TcpConversation c = new TcpConversation(sink(), src, src.ephemeralPort(), victim, port,
                    Draw.millis(rng, 1, 4), 100_000_000L, rng);
            if (rng.nextInt(5) == 0) {
                c.refused(clock);
            } else {
                c.synOnly(clock);
            }
            clock += Math.max(20_000L, Draw.exponential(rng, MEAN_GAP));
            left--;
            return true;
        }
    }
}
