package gatewatch.detector.train;

import static org.assertj.core.api.Assertions.assertThat;

import gatewatch.detector.data.LabelledData;
import gatewatch.detector.model.Category;
import gatewatch.detector.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class GroupedCrossValidationTest {
    @Test
    void everyGroupIsScoredOnceWholeByTheModelOfItsFold() {
        LabelledData kdd = Fixtures.synthetic(2000, 1);
        List<TrainingSource> sources = new ArrayList<>();
        sources.add(TrainingSource.kdd(kdd));
        for (int g = 0; g < 6; g++) {
            int seed = 100 + g;
            LabelledData part = Fixtures.synthetic(60 + g, seed);
            sources.add(new TrainingSource("lab:scenario-" + g, TrainingSource.World.TODAY, part));
        }
        // Two seeds of one scenario are one group.
        sources.add(new TrainingSource("lab:scenario-0", TrainingSource.World.TODAY, Fixtures.synthetic(30, 99)));
        GroupedCrossValidation cv = new GroupedCrossValidation(Fixtures.tiny(), 3);

        GroupedCrossValidation.Result r = cv.run(sources);

        assertThat(r.groups()).extracting(GroupedCrossValidation.GroupResult::group)
                .containsExactly(IntStream.range(0, 6).mapToObj(g -> "lab:scenario-" + g).toArray(String[]::new));
        for (GroupedCrossValidation.GroupResult g : r.groups()) {
            assertThat(g.fold()).isEqualTo(cv.foldOf(g.group()));
            int rows = sources.stream().filter(s -> s.group().equals(g.group())).mapToInt(s -> s.rows().size()).sum();
            long normal = sources.stream().filter(s -> s.group().equals(g.group()))
                    .mapToLong(s -> java.util.Arrays.stream(s.rows().categories()).filter(c -> c == Category.NORMAL).count()).sum();
            assertThat(g.normalRows() + g.attackRows()).isEqualTo(rows);
            assertThat(g.normalRows()).isEqualTo(normal);
            assertThat(g.attackDetected()).isBetween(g.rightCategory(), g.attackRows());
            // An anomaly is an alert, and never an attack's own category.
            assertThat(g.normalAnomaly()).isBetween(0, g.normalAlerted());
            assertThat(g.attackAnomaly()).isBetween(0, g.attackDetected() - g.rightCategory());
        }
        assertThat(r.kddFolds()).hasSize(3);
        // The fixture's categories follow simple rules, so held-out groups are still learnt.
        assertThat(r.groups().stream().mapToInt(GroupedCrossValidation.GroupResult::rightCategory).sum())
                .isGreaterThan(r.groups().stream().mapToInt(GroupedCrossValidation.GroupResult::attackRows).sum() * 8 / 10);
    }

    @Test
    void foldsOfGroupsDoNotDependOnWhichOtherGroupsExist() {
        GroupedCrossValidation cv = new GroupedCrossValidation(Fixtures.tiny(), 5);
        assertThat(cv.foldOf("lab:dos-syn-flood")).isEqualTo(Math.floorMod("lab:dos-syn-flood".hashCode(), 5));
    }
}
