package gatewatch.sensor.cli;

import gatewatch.detector.anomaly.LearnNormalConfig;
import gatewatch.detector.data.KddLoader;
import gatewatch.detector.data.LabelledData;
import gatewatch.detector.eval.BaselineComparison;
import gatewatch.detector.train.TrainingConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** {@code gatewatch evaluate --compare-baselines --train FILE... --test FILE...} ({@link BaselineComparison}). */
final class BaselineComparisonRun {
    /** The loader {@code evaluate}'s options describe. */
    interface Loaders {
        KddLoader loader() throws IOException;
    }

    private BaselineComparisonRun() {
    }

    static int run(CommandSpec spec, Loaders loaders, List<Path> train, List<Path> test, boolean otherOptions) throws IOException {
        if (otherOptions) {
            throw new UsageException("--compare-baselines trains its own models and prints text: no --model, --json or --report");
        }
        TrainCommand.Quiet.smileLogs();
        KddLoader loader = loaders.loader();
        LabelledData trainRows = loader.load(train).data();
        LabelledData testRows = loader.load(test).data();
        if (trainRows.size() == 0 || testRows.size() == 0) {
            throw new ParameterException(spec.commandLine(), "no rows in " + (trainRows.size() == 0 ? train : test));
        }
        BaselineComparison.Result r = new BaselineComparison(TrainingConfig.defaults(), LearnNormalConfig.defaults())
                .run(trainRows, testRows);
        PrintWriter o = spec.commandLine().getOut();
        o.println("train: " + String.join(" ", train.stream().map(Path::toString).toList()));
        o.println("test: " + String.join(" ", test.stream().map(Path::toString).toList()));
        BaselineComparisonText.print(o, r);
        o.flush();
        return ExitCodes.OK;
    }
}
