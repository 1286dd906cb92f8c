package gatewatch.sensor.cli;

import gatewatch.detector.data.KddLoader;
import gatewatch.detector.encode.DetectorRow;
import gatewatch.detector.data.LabelledData;
import gatewatch.detector.model.Category;
import gatewatch.detector.train.TrainingSource;
import gatewatch.features.extended.ExtendedCsv;
import gatewatch.features.extract.FeatureExtractor;
import gatewatch.features.kdd.KddFormatException;
import gatewatch.sensor.lab.corpus.CorpusFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
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

    /** The lab corpus files of {@code arguments}, one group per scenario, without those of the scenarios in {@code excluded}. */
    static List<TrainingSource> lab(List<Path> arguments, Set<String> excluded, KddLoader loader, PrintWriter notes)
            throws IOException {
        List<TrainingSource> out = new ArrayList<>();
        for (Path file : labFiles(arguments)) {
            String name = file.getFileName().toString();
            Matcher m = LAB_FILE.matcher(name);
            String scenario = m.matches() ? m.group(1) : name.replaceFirst("\\.data(\\.gz)?$", "");
            if (excluded.contains(scenario)) {
                continue;
            }
            LabelledData rows = withExtended(file, loader.load(List.of(file)).data(), notes);
            out.add(new TrainingSource("lab:" + scenario, TrainingSource.World.TODAY, rows));
        }
        return out;
    }

    /**
     * {@code rows} with the features beyond the 41 from the corpus file beside {@code data}
     * ({@code KEY.extended.gz}); without that file (a corpus made by an older gatewatch) they are
     * derived from the 41, as KDD'99's, and a note says so.
     */
    static LabelledData withExtended(Path data, LabelledData rows, PrintWriter notes) throws IOException {
        Path file = CorpusFiles.extendedOf(data);
        if (!Files.exists(file)) {
            notes.println("gatewatch: note: " + file + " is missing, so the rows of " + data.getFileName()
                    + " get the features beyond the 41 that follow from the 41 only (make the corpus again with 'gatewatch lab corpus')");
            notes.flush();
            return rows;
        }
        List<String> lines;
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(file))) {
            lines = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        }
        if (lines.isEmpty() || !lines.get(0).equals(ExtendedCsv.header())) {
            throw new UnreadableInputException(file + ": the header is not '" + ExtendedCsv.header()
                    + "' (made by another gatewatch? make the corpus again with 'gatewatch lab corpus')", null);
        }
        if (lines.size() - 1 != rows.size()) {
            throw new UnreadableInputException(file + ": " + (lines.size() - 1) + " lines for the " + rows.size()
                    + " rows of " + data.getFileName(), null);
        }
        double[][] wide = new double[rows.size()][];
        for (int i = 0; i < wide.length; i++) {
            double[] extended;
            try {
                extended = ExtendedCsv.parse(lines.get(i + 1));
            } catch (KddFormatException e) {
                throw new UnreadableInputException(file + ": line " + (i + 2) + ": " + e.getMessage(), e);
            }
            wide[i] = DetectorRow.of(rows.features()[i], extended);
        }
        return new LabelledData(wide, rows.labels(), rows.categories(), rows.difficulty());
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
                    r -> rows.add(DetectorRow.of(r.features(), r.conn())));
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
