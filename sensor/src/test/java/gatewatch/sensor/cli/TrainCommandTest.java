package gatewatch.sensor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gatewatch.detector.model.Ensemble;
import gatewatch.detector.train.TrainingConfig;
import gatewatch.features.testing.SharedData;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TrainCommandTest {
    @TempDir
    Path dir;

    /** The first {@code n} rows of a shared gzip file, as a plain file in the temp folder. */
    static Path head(Path dir, String shared, int n) throws IOException {
        Path src = SharedData.require(shared);
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(src)),
                StandardCharsets.US_ASCII))) {
            String line;
            while (lines.size() < n && (line = r.readLine()) != null) {
                lines.add(line);
            }
        }
        return Files.write(dir.resolve(src.getFileName().toString().replace(".gz", ".head")), lines);
    }

    record Outcome(int exit, String out, String err) {
    }

    static Outcome run(java.util.concurrent.Callable<Integer> command, String... args) {
        CommandLine cl = CliHarness.commandLine(command);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Outcome(exit, out.toString(), err.toString());
    }

    @Test
    void trainsAModelFileThatLoadsAndRecordsTheCommand() throws IOException {
        Path data = head(dir, "data/KDDTrain+_20Percent.txt.gz", 4000);
        Path model = dir.resolve("out/m.gwm");

        Outcome o = run(new TrainCommand(), "--data", data.toString(), "--out", model.toString());

        assertThat(o.exit()).as(o.err()).isZero();
        assertThat(o.out()).contains("trained gw1-").contains("4,000 rows").contains("wrote " + model);
        assertThat(o.err()).as("no progress when stderr is not a terminal and --progress is not given").isEmpty();
        Ensemble e = Ensemble.load(model);
        assertThat(e.header().trainingCommand()).isEqualTo("gatewatch train --data " + data + " --out " + model);
        assertThat(e.modelVersion()).isEqualTo(o.out().replaceAll("(?s).*trained (gw1-[0-9a-f]+).*", "$1"));
    }

    @Test
    void forcedProgressNamesTheStagesAndCountsTheTreesUpToTheConfiguredSizes() throws IOException {
        Path data = head(dir, "data/KDDTrain+_20Percent.txt.gz", 4000);
        Path model = dir.resolve("progress/m.gwm");
        TrainingConfig config = TrainingConfig.defaults();

        Outcome o = run(new TrainCommand(), "--progress", "--data", data.toString(), "--out", model.toString());

        assertThat(o.exit()).as(o.err()).isZero();
        assertThat(o.err()).contains("reading data (", "removing repeated rows (", "encoding features (",
                "compiling and checking (", "training done (");
        assertCounted(o.err(), "label forest", config.forestTrees());
        assertCounted(o.err(), "category boost", config.boostTrees());
        assertCounted(o.err(), "baseline isolation forest", config.isolationTrees());
        assertCounted(o.err(), "anomaly threshold folds", config.thresholdFolds() * config.isolationTrees());
        assertThat(o.out()).doesNotContain("trees");
        assertThat(Ensemble.load(model).header().trainingCommand()).doesNotContain("--progress");
    }

    /** A line for every tree from 0 to {@code trees}, then the stage's closing line with its time. */
    private static void assertCounted(String err, String stage, int trees) {
        for (int t = 0; t <= trees; t++) {
            assertThat(err).contains(stage + ": " + t + "/" + trees + " trees\n");
        }
        assertThat(err).doesNotContain(stage + ": " + (trees + 1) + "/").contains(stage + ": " + trees + " trees (");
    }

    @Test
    void treeCountsAreOptionsAndTheProgressCountsThem() throws IOException {
        Path data = head(dir, "data/KDDTrain+_20Percent.txt.gz", 4000);
        Path model = dir.resolve("trees/m.gwm");

        Outcome o = run(new TrainCommand(), "--progress", "--data", data.toString(), "--out", model.toString(),
                "--forest-trees", "3", "--boost-trees", "2", "--isolation-trees", "5");

        assertThat(o.exit()).as(o.err()).isZero();
        assertCounted(o.err(), "label forest", 3);
        assertCounted(o.err(), "category boost", 2);
        assertCounted(o.err(), "baseline isolation forest", 5);
        assertThat(Ensemble.load(model).header().trainingCommand()).endsWith("--forest-trees 3 --boost-trees 2 --isolation-trees 5");
        assertThat(run(new TrainCommand(), "--data", data.toString(), "--out", model.toString(), "--forest-trees", "0")
                .err()).contains("--forest-trees 0").contains("must be positive");
    }

    @Test
    void theForestWeightAndTheAnomalyQuantileGoIntoTheModel() throws IOException {
        Path data = head(dir, "data/KDDTrain+_20Percent.txt.gz", 4000);
        Path model = dir.resolve("weights/m.gwm");

        Outcome o = run(new TrainCommand(), "--data", data.toString(), "--out", model.toString(), "--forest-trees", "3",
                "--boost-trees", "2", "--isolation-trees", "5", "--forest-weight", "0.8", "--anomaly-quantile", "0.999");

        assertThat(o.exit()).as(o.err()).isZero();
        assertThat(Ensemble.load(model).payload().forestWeight()).isEqualTo(0.8);
        assertThat(run(new TrainCommand(), "--data", data.toString(), "--out", model.toString(), "--forest-weight", "1.5")
                .err()).contains("--forest-weight 1.5").contains("forest weight in [0, 1]");
        assertThat(run(new TrainCommand(), "--data", data.toString(), "--out", model.toString(), "--anomaly-quantile", "1")
                .err()).contains("--anomaly-quantile 1.0").contains("quantile must be in (0, 1)");
    }

    @Test
    void theRecordedCommandIsTheSameThroughTheTopLevelCommand() throws IOException {
        Path data = head(dir, "data/KDDTrain+_20Percent.txt.gz", 4000);
        Path model = dir.resolve("top/m.gwm");
        CommandLine cl = GatewatchCommand.commandLine();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err));

        int exit = cl.execute("train", "--data", data.toString(), "--out", model.toString());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(Ensemble.load(model).header().trainingCommand()).isEqualTo("gatewatch train --data " + data + " --out " + model);
    }

    @Test
    void dataWithoutACategoryIsRefusedNamingIt() throws IOException {
        // The first 3,000 rows of the NSL-KDD 20 % file hold no u2r row.
        Path data = head(dir, "data/KDDTrain+_20Percent.txt.gz", 3000);

        Outcome o = run(new TrainCommand(), "--data", data.toString(), "--out", dir.resolve("x.gwm").toString());

        assertThat(o.exit()).isEqualTo(1);
        assertThat(o.err()).contains("no rows of u2r").contains("all five categories");
        assertThat(dir.resolve("x.gwm")).doesNotExist();
    }

    @Test
    void todaysTrafficIsReadFromLabFilesAndNormalCapturesAndHeldOutByGroupInCrossValidation() throws IOException {
        Path data = head(dir, "data/KDDTrain+_20Percent.txt.gz", 12000);
        List<String> kdd = Files.readAllLines(data);
        Path lab = Files.createDirectories(dir.resolve("lab"));
        // Two seeds of scenario a and one of b, in the corpus's naming; the ".data" suffix is the plain form.
        Files.write(lab.resolve("a-s1.data"), kdd.subList(0, 30));
        Files.write(lab.resolve("a-s2.data"), kdd.subList(30, 50));
        Files.write(lab.resolve("b-s1.data"), kdd.subList(50, 90));
        Files.writeString(lab.resolve("notes.txt"), "not a corpus file\n");
        Path capture = MixCapture.write(dir);
        Path model = dir.resolve("today/m.gwm");

        Outcome o = run(new TrainCommand(), "--data", data.toString(), "--lab", lab.toString(), "--normal-capture",
                capture.toString(), "--cv", "2", "--out", model.toString());

        assertThat(o.exit()).as(o.err()).isZero();
        // 12,000 KDD rows (with enough u2r rows for both folds), 90 lab rows, one normal row per
        // connection of the 2,000-connection capture.
        assertThat(o.out()).contains("on 14,090 rows");
        assertThat(o.out()).contains("every lab scenario and capture held out whole");
        String table = o.out().substring(o.out().indexOf("group"));
        assertThat(table.lines().filter(l -> l.startsWith("  lab:") || l.startsWith("  capture:")).map(l -> l.trim().split(" +")[0]))
                .containsExactly("capture:mix.pcap", "lab:a", "lab:b");
        assertThat(table).containsPattern("lab:a +\\d +\\d+ +\\d+ +\\d+ ");
        assertThat(table.lines().filter(l -> l.trim().startsWith("capture:mix.pcap")).findFirst().orElseThrow().trim().split(" +")[2])
                .as("every connection of the capture is a normal row").isEqualTo("2000");
        assertThat(Ensemble.load(model).header().trainingCommand()).contains("--lab " + lab, "--normal-capture " + capture);
    }

    @Test
    void badUsageExitsTwo() {
        Outcome o = run(new TrainCommand(), "--data", "x.gz");
        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.err()).contains("--out");
    }

    /** Checked before any data is read: the data file here does not even exist. */
    @Test
    void aTrainingOptionOutOfRangeExitsTwoNamingIt() {
        Outcome o = run(new TrainCommand(), "--data", dir.resolve("missing.gz").toString(), "--out",
                dir.resolve("m.gwm").toString(), "--today-normal-weight", "0");
        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.err()).contains("--today-normal-weight 0").contains("must be at least 1");
        Outcome floor = run(new TrainCommand(), "--data", dir.resolve("missing.gz").toString(), "--out",
                dir.resolve("m.gwm").toString(), "--alert-floor", "1.5");
        assertThat(floor.exit()).isEqualTo(2);
        assertThat(floor.err()).contains("--alert-floor 1.5");
    }

    @Test
    void anUnreadableDataFileExitsThreeWithOneLineNamingIt() {
        Path missing = dir.resolve("missing.gz");
        Outcome o = run(new TrainCommand(), "--data", missing.toString(), "--out", dir.resolve("m.gwm").toString());
        assertThat(o.exit()).isEqualTo(3);
        assertThat(o.err().strip()).contains("missing.gz").doesNotContain("\n").doesNotContain("Exception in");
    }

    @Test
    void aMalformedRowIsAnErrorNamingFileAndLine() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.txt"), "0,tcp,http,SF,1,2,0\n");
        TrainCommand cmd = new TrainCommand();
        new CommandLine(cmd).parseArgs("--data", bad.toString(), "--out", dir.resolve("m.gwm").toString());
        assertThatThrownBy(cmd::call).hasMessageContaining("bad.txt:1");
    }
}
