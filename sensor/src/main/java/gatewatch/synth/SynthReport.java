package gatewatch.synth;

import gatewatch.synth.scenario.ScenarioKind;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a synthesizer run wrote.
 *
 * @param connections      records per scenario (as the feature extractor will count them)
 * @param peakOpenSessions the most sessions the scheduler held at once: the memory bound
 * @param episodes         one per attack scenario with records, in time order
 */
public record SynthReport(Path file, long frames, long bytes, Instant first, Instant last,
                          Map<ScenarioKind, Long> connections, int peakOpenSessions, List<AttackEpisode> episodes) {
    public SynthReport {
        connections = Map.copyOf(connections);
        episodes = List.copyOf(episodes);
    }

    public long totalConnections() {
        return connections.values().stream().mapToLong(Long::longValue).sum();
    }

    public Duration span() {
        return Duration.between(first, last);
    }

    /**
     * One attack in the capture: when its packets start and end, who sent it and at whom.
     *
     * @param attackers source addresses of the attack's packets (spoofed ones for a SYN flood,
     *                  the amplifiers for smurf), in address order
     * @param victims   the addresses attacked (every address probed, for a sweep)
     */
    public record AttackEpisode(ScenarioKind kind, Instant start, Instant end, List<String> attackers,
                                List<String> victims, long connections, long frames) {
        public AttackEpisode {
            attackers = List.copyOf(attackers);
            victims = List.copyOf(victims);
        }

        /** The KDD label the records imitate. */
        public String label() {
            return kind.kddLabel();
        }

        /** dos, probe or r2l. */
        public String category() {
            return kind.category();
        }
    }
}
