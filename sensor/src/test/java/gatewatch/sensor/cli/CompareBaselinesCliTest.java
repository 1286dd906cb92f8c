package gatewatch.sensor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code evaluate --compare-baselines}: the options that go with it, refused with exit 2 before any file is read. */
class CompareBaselinesCliTest {
    @Test
    void compareBaselinesNeedsTrainingFilesAndTrainNeedsCompareBaselines() {
        CliRun noTrain = CliRun.of("evaluate", "--compare-baselines", "--test", "no-such.gz");
        assertThat(noTrain.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noTrain.err()).contains("--compare-baselines and --train go together");
        CliRun noCompare = CliRun.of("evaluate", "--train", "a.gz", "--test", "no-such.gz");
        assertThat(noCompare.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noCompare.err()).contains("--compare-baselines and --train go together");
    }

    @Test
    void compareBaselinesTrainsItsOwnModelsAndPrintsText() {
        for (String[] extra : new String[][] {{"--model", "m.gwm"}, {"--json"}, {"--report", "dir"}}) {
            String[] args = new String[6 + extra.length];
            System.arraycopy(new String[] {"evaluate", "--compare-baselines", "--train", "a.gz", "--test", "b.gz"}, 0, args, 0, 6);
            System.arraycopy(extra, 0, args, 6, extra.length);
            CliRun run = CliRun.of(args);
            assertThat(run.exitCode()).as(String.join(" ", extra)).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err()).contains("no --model, --json or --report");
        }
    }
}
