package gatewatch.detector.train;

import static org.assertj.core.api.Assertions.assertThat;

import gatewatch.detector.data.LabelledData;
import gatewatch.detector.io.ModelFile;
import gatewatch.detector.testing.Fixtures;
import gatewatch.detector.train.TrainingProgress.Stage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class TrainingProgressTest {
    /** Everything a trainer reported. */
    static final class Recorder implements TrainingProgress {
        final List<Stage> stages = new ArrayList<>();
        final Map<Stage, Integer> announced = new EnumMap<>(Stage.class);
        final Map<Stage, TreeSet<Integer>> built = new EnumMap<>(Stage.class);
        int done;

        @Override
        public synchronized void stage(Stage stage, int trees) {
            stages.add(stage);
            announced.put(stage, trees);
        }

        @Override
        public synchronized void tree(Stage stage, int count) {
            built.computeIfAbsent(stage, s -> new TreeSet<>()).add(count);
        }

        @Override
        public synchronized void done() {
            done++;
        }
    }

    @Test
    void reportsEveryStageInOrderAndCountsTheTreesUpToTheConfiguredSizes() {
        TrainingConfig config = Fixtures.tiny();
        Recorder r = new Recorder();

        new Trainer(config, r).train(Fixtures.synthetic(3000, 7), "progress test");

        assertThat(r.stages).containsExactly(Stage.DEDUPE, Stage.ENCODE, Stage.FOREST, Stage.BOOST, Stage.BASELINE,
                Stage.THRESHOLD, Stage.COMPILE);
        assertThat(r.announced).containsEntry(Stage.FOREST, config.forestTrees()).containsEntry(Stage.BOOST, config.boostTrees())
                .containsEntry(Stage.BASELINE, config.isolationTrees())
                .containsEntry(Stage.THRESHOLD, config.thresholdFolds() * config.isolationTrees());
        assertThat(r.built.get(Stage.FOREST)).containsExactlyElementsOf(range(config.forestTrees()));
        assertThat(r.built.get(Stage.BOOST)).containsExactlyElementsOf(range(config.boostTrees()));
        assertThat(r.built.get(Stage.BASELINE)).containsExactlyElementsOf(range(config.isolationTrees()));
        assertThat(r.built.get(Stage.THRESHOLD)).containsExactlyElementsOf(range(config.thresholdFolds() * config.isolationTrees()));
        assertThat(r.done).isEqualTo(1);
    }

    @Test
    void listeningDoesNotChangeTheModel() throws IOException {
        LabelledData rows = Fixtures.synthetic(3000, 7);
        TrainedModel quiet = new Trainer(Fixtures.tiny()).train(rows, "progress test");
        TrainedModel reported = new Trainer(Fixtures.tiny(), new Recorder()).train(rows, "progress test");

        assertThat(ModelFile.payloadBytes(reported.ensemble().payload()))
                .isEqualTo(ModelFile.payloadBytes(quiet.ensemble().payload()));
    }

    private static List<Integer> range(int n) {
        return java.util.stream.IntStream.rangeClosed(1, n).boxed().toList();
    }
}
