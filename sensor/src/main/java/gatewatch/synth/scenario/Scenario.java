package gatewatch.synth.scenario;

import gatewatch.synth.service.Env;
import gatewatch.synth.session.SessionSource;
import java.util.random.RandomGenerator;

/** One kind of traffic in a synthetic capture: the normal background or one attack episode. */
public sealed interface Scenario permits NormalTraffic, SynFlood, PortScan, PingSweep, SmurfFlood, TelnetGuessing,
        FtpGuessing {
    ScenarioKind kind();

    /** About how long {@code records} records of this scenario take; the timeline is laid out with it. */
    long durationNanos(int records);

    /**
     * The sessions, the first starting at {@code startNanos}, that make exactly {@code records}
     * connection records as the feature extractor counts them (each TCP connection, each UDP
     * request/response, each ICMP message one record).
     */
    SessionSource sessions(Env env, int records, long startNanos, RandomGenerator.SplittableGenerator rng);
}
