package gatewatch.sensor.cli;

import gatewatch.detector.data.KddLoader;
import gatewatch.detector.data.LabelledData;
import gatewatch.detector.model.Category;
import gatewatch.detector.train.TrainingSource;
import gatewatch.features.extract.FeatureExtractor;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The training sources of today's traffic that {@code train} takes beside KDD'99: lab corpus files
 * (grouped by scenario, so that cross-validation holds a scenario's seeds out together) and
 * captures of normal traffic (each its own group, every connection a normal row).
 */
final class TodaySources {
    /** {@code SCENARIO-sSEED.data.gz} as {@code lab corpus} names its files. */
    private static final Pattern LAB_FILE = Pattern.compile("(.+)-s\\d+\\.data(\\.gz)?");

    private TodaySources() {
    }

    static List<TrainingSource> lab(List<Path> arguments, KddLoader loader) throws IOException {
        List<TrainingSource> out = new ArrayList<>();
        for (Path file : labFiles(arguments)) {
            String name = file.getFileName().toString();
            Matcher m = LAB_FILE.matcher(name);
            String scenario = m.matches() ? m.group(1) : name.replaceFirst("\\.data(\\.gz)?$", "");
            LabelledData rows = loader.load(List.of(file)).data();
            out.add(new TrainingSource("lab:" + scenario, TrainingSource.World.TODAY, rows));
        }
        return out;
    }

    private static List<Path> labFiles(List<Path> arguments) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path p : arguments) {
            if (!Files.isDirectory(p)) {
                files.add(p);
                continue;
            }
            try (Stream<Path> s = Files.list(p)) {
                List<Path> found = s.filter(f -> LAB_FILE.matcher(f.getFileName().toString()).matches()).sorted().toList();
                if (found.isEmpty()) {
                    throw new UnreadableInputException(p + ": no lab corpus files (SCENARIO-sSEED.data.gz) in this directory", null);
                }
                files.addAll(found);
            }
        }
        return files;
    }

    static List<TrainingSource> normalCaptures(List<Path> arguments, PrintWriter notes) {
        List<TrainingSource> out = new ArrayList<>();
        if (arguments.isEmpty()) {
            return out;
        }
        for (Path capture : CaptureInputs.expand(arguments, notes)) {
            List<double[]> rows = new ArrayList<>();
            FeatureExtractor extractor = new FeatureExtractor(FeatureExtractor.ExtractorConfig.defaults(),
                    r -> rows.add(r.features().toArray()));
            try {
                FeaturesCommand.read(capture, extractor);
            } finally {
                extractor.finish();
            }
            int n = rows.size();
            String[] labels = new String[n];
            Arrays.fill(labels, "normal");
            Category[] categories = new Category[n];
            Arrays.fill(categories, Category.NORMAL);
            int[] difficulty = new int[n];
            Arrays.fill(difficulty, -1);
            LabelledData data = new LabelledData(rows.toArray(double[][]::new), labels, categories, difficulty);
            out.add(new TrainingSource("capture:" + capture.getFileName(), TrainingSource.World.TODAY, data));
        }
        return out;
    }
}
