package gatewatch.detector.data;

import gatewatch.detector.model.Category;
import gatewatch.features.kdd.KddCsv;
import gatewatch.features.kdd.KddFormatException;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Reads labelled KDD'99 ({@code kddcup.data*}, {@code corrected}) and NSL-KDD ({@code KDDTrain+.txt},
 * with its difficulty column) files, gzip or plain (told apart by the gzip magic, not the name),
 * into one {@link LabelledData}.
 *
 * <p>Labels are mapped to categories with an {@link AttackTaxonomy}; an unknown label is an error
 * naming the file and line, because guessing a category would corrupt both training and scoring.
 * Unknown protocol/service/flag symbols follow the {@link UnknownSymbolPolicy}.
 *
 * <p>Repeated rows share one feature array: KDD'99 is mostly copies (145,586 distinct of 494,021
 * rows in the 10 % set), so holding each distinct row once keeps the data at a third of its size.
 */
public final class KddLoader {
    private final AttackTaxonomy taxonomy;
    private final UnknownSymbolPolicy unknownSymbols;

    public KddLoader(AttackTaxonomy taxonomy, UnknownSymbolPolicy unknownSymbols) {
        this.taxonomy = taxonomy;
        this.unknownSymbols = unknownSymbols;
    }

    /** The rows read and what was skipped. */
    public record Result(LabelledData data, long skippedUnknownSymbol) {
    }

    /**
     * Reads every file in order.
     *
     * @throws IOException when a file cannot be opened or read (the message names it)
     * @throws DataFormatException when a row is malformed, names an unknown label, or (with
     *     {@link UnknownSymbolPolicy#FAIL}) an unknown symbol
     */
    public Result load(List<Path> files) throws IOException {
        Rows rows = new Rows();
        long skipped = 0;
        for (Path file : files) {
            skipped += readFile(file, rows);
        }
        return new Result(rows.data(), skipped);
    }

    /** The rows read so far, in growing arrays; equal feature rows are one shared array. */
    private static final class Rows {
        private final Map<FeatureRow, double[]> distinct = new HashMap<>();
        private double[][] features = new double[1 << 12][];
        private String[] labels = new String[1 << 12];
        private Category[] categories = new Category[1 << 12];
        private int[] difficulty = new int[1 << 12];
        private int n;

        void add(double[] row, String label, Category category, int rowDifficulty) {
            if (n == features.length) {
                int size = 2 * n;
                features = Arrays.copyOf(features, size);
                labels = Arrays.copyOf(labels, size);
                categories = Arrays.copyOf(categories, size);
                difficulty = Arrays.copyOf(difficulty, size);
            }
            features[n] = distinct.computeIfAbsent(new FeatureRow(row), FeatureRow::values);
            labels[n] = label;
            categories[n] = category;
            difficulty[n] = rowDifficulty;
            n++;
        }

        LabelledData data() {
            return new LabelledData(Arrays.copyOf(features, n), Arrays.copyOf(labels, n), Arrays.copyOf(categories, n),
                    Arrays.copyOf(difficulty, n));
        }
    }

    /** A feature row as a hash key, equal by content. */
    private record FeatureRow(double[] values) {
        @Override
        public boolean equals(Object o) {
            return o instanceof FeatureRow r && Arrays.equals(values, r.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return Arrays.toString(values);
        }
    }

    private long readFile(Path file, Rows rows) throws IOException {
        long skipped = 0;
        try (BufferedReader r = open(file)) {
            String line;
            long n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                KddCsv.Row row;
                try {
                    row = KddCsv.parse(line);
                } catch (KddFormatException e) {
                    if (unknownSymbols == UnknownSymbolPolicy.SKIP && e.getMessage().contains("unknown symbol")) {
                        skipped++;
                        continue;
                    }
                    throw new DataFormatException(file + ":" + n + ": " + e.getMessage(), e);
                }
                if (row.label() == null) {
                    throw new DataFormatException(file + ":" + n + ": no label column (a labelled KDD file has 42 or 43 fields)");
                }
                Category c = taxonomy.categoryOf(row.label());
                if (c == null) {
                    throw new DataFormatException(file + ":" + n + ": label: unknown attack '" + row.label()
                            + "' (not in the attack-type table; add it with an attack-types file)");
                }
                rows.add(row.record().toArray(), row.label().intern(), c, row.difficulty());
            }
        } catch (java.io.UncheckedIOException e) {
            throw new IOException(file + ": " + e.getCause().getMessage(), e.getCause());
        }
        return skipped;
    }

    private static BufferedReader open(Path file) throws IOException {
        InputStream in;
        try {
            in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        } catch (IOException e) {
            throw new IOException(file + ": cannot open (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
        }
        try {
            in.mark(2);
            int b0 = in.read();
            int b1 = in.read();
            in.reset();
            if (b0 == 0x1f && b1 == 0x8b) {
                in = new GZIPInputStream(in, 1 << 16);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII), 1 << 16);
        } catch (IOException e) {
            in.close();
            throw new IOException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }
}
