package gatewatch.sensor.cli;

import gatewatch.detector.model.Verdict;
import gatewatch.features.conn.ConnectionSummary;
import gatewatch.features.conn.IpAddress;
import gatewatch.sensor.pipeline.AlertListener;
import gatewatch.sensor.pipeline.Scored;
import gatewatch.synth.scenario.ScenarioKind;
import gatewatch.synth.truth.GroundTruth;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The demo's count of what was caught: every scored connection of the replay matched, by its
 * exact key, to the synthesizer's ground truth, and counted under the attack episode or the
 * normal traffic it belongs to. Nothing is attributed by host or time window: a connection
 * counts for an episode only if the synthesizer made it as part of that episode.
 *
 * <p>Runs on the sink thread; read {@link #result()} after the replay has finished.
 */
final class DemoTally implements AlertListener {
    private final GroundTruth truth;
    private final BitSet seen = new BitSet();
    private final Map<ScenarioKind, Count> episodes = new EnumMap<>(ScenarioKind.class);
    private final Map<String, Count> normalByService = new TreeMap<>();
    private long uncovered;

    DemoTally(GroundTruth truth) {
        this.truth = truth;
    }

    @Override
    public void onScored(Scored s, byte[] alertJson) {
        ConnectionSummary c = s.record().conn();
        int i = indexOf(c);
        if (i < 0 || seen.get(i)) {
            uncovered++;
            return;
        }
        seen.set(i);
        ScenarioKind kind = truth.kind(i);
        Count count = kind.isAttack() ? episodes.computeIfAbsent(kind, k -> new Count())
                : normalByService.computeIfAbsent(c.service().kddName(), k -> new Count());
        count.add(s.verdict(), kind.category());
    }

    private int indexOf(ConnectionSummary c) {
        if (!c.origAddress().isIpv4() || !c.respAddress().isIpv4() || c.protocol() == null) {
            return -1;
        }
        return truth.indexOf(c.startNanos(), c.protocol(), v4(c.origAddress()), c.origPort(), v4(c.respAddress()),
                c.respPort());
    }

    private static int v4(IpAddress a) {
        return (int) a.lo();
    }

    /** The counts so far. */
    DemoResult result() {
        Map<ScenarioKind, DemoResult.Tally> e = new EnumMap<>(ScenarioKind.class);
        // Every episode of the truth has a row, also one none of whose connections the replay
        // reported (zero connections; the coverage line counts them as unseen).
        truth.counts().forEach((k, n) -> {
            if (k.isAttack()) {
                e.put(k, episodes.getOrDefault(k, new Count()).freeze());
            }
        });
        Map<String, DemoResult.Tally> normal = new TreeMap<>();
        normalByService.forEach((service, n) -> normal.put(service, n.freeze()));
        return new DemoResult(e, normal, uncovered, truth.size() - seen.cardinality());
    }

    /** Mutable counts of one episode or one service. */
    private static final class Count {
        long connections;
        long alerted;
        long asOwnCategory;
        final Map<String, Long> labels = new TreeMap<>();

        void add(Verdict v, String trueCategory) {
            connections++;
            if (v.isAlert()) {
                alerted++;
                String category = v.category().externalName();
                if (category.equals(trueCategory)) {
                    asOwnCategory++;
                }
                labels.merge(DemoResult.labelOf(category, v.label()), 1L, Long::sum);
            }
        }

        DemoResult.Tally freeze() {
            return new DemoResult.Tally(connections, alerted, asOwnCategory, labels);
        }
    }
}
