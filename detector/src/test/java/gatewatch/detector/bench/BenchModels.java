package gatewatch.detector.bench;

import gatewatch.detector.data.AttackTaxonomy;
import gatewatch.detector.data.KddLoader;
import gatewatch.detector.data.LabelledData;
import gatewatch.detector.data.UnknownSymbolPolicy;
import gatewatch.detector.io.ModelFile;
import gatewatch.detector.model.Ensemble;
import gatewatch.detector.train.TrainedModel;
import gatewatch.detector.train.Trainer;
import gatewatch.detector.train.TrainingConfig;
import gatewatch.features.testing.SharedData;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import smile.anomaly.IsolationForest;
import smile.classification.GradientTreeBoost;
import smile.classification.RandomForest;

/**
 * The models the benchmarks compare: the bundled configuration trained on the 10 % set, as Smile
 * objects and compiled. Training takes a minute or two, so the first fork caches the result under
 * {@code target/} (plain Java serialization of our own trusted objects, benchmark use only) and
 * later forks read it.
 */
record BenchModels(RandomForest forest, GradientTreeBoost boost, IsolationForest baseline, Ensemble ensemble) {
    static BenchModels get() throws IOException, ClassNotFoundException {
        Path cache = Path.of(System.getProperty("gatewatch.bench.cache", "target/bench-models.ser"));
        Path model = cache.resolveSibling("bench-model.gwm");
        if (Files.exists(cache) && Files.exists(model)) {
            try (ObjectInputStream in = new ObjectInputStream(Files.newInputStream(cache))) {
                return new BenchModels((RandomForest) in.readObject(), (GradientTreeBoost) in.readObject(),
                        (IsolationForest) in.readObject(), Ensemble.load(model));
            }
        }
        LabelledData train = loader().load(List.of(SharedData.root().resolve("data/kddcup.data_10_percent.gz"))).data();
        TrainedModel m = new Trainer(TrainingConfig.defaults()).train(train, "benchmark");
        Files.createDirectories(cache.toAbsolutePath().getParent());
        try (ObjectOutputStream out = new ObjectOutputStream(Files.newOutputStream(cache))) {
            out.writeObject(m.labelForest());
            out.writeObject(m.categoryBoost());
            out.writeObject(m.baseline());
        }
        ModelFile.write(model, m.ensemble().header(), m.ensemble().payload());
        return new BenchModels(m.labelForest(), m.categoryBoost(), m.baseline(), m.ensemble());
    }

    /** Trains and caches the benchmark models ahead of a JMH run. */
    public static void main(String[] args) throws Exception {
        System.out.println("benchmark models ready: " + get().ensemble().modelVersion());
    }

    static KddLoader loader() {
        return new KddLoader(AttackTaxonomy.builtIn(), UnknownSymbolPolicy.FAIL);
    }

    /** {@code n} rows of {@code corrected}, evenly spread over the file (its real mix of traffic, repeats included). */
    static double[][] testRows(int n) throws IOException {
        return spread(loader().load(List.of(SharedData.root().resolve("data/corrected.gz"))).data().features(), n);
    }

    /** {@code n} pairwise different rows of {@code corrected}, evenly spread over its distinct rows. */
    static double[][] distinctTestRows(int n) throws IOException {
        double[][] all = loader().load(List.of(SharedData.root().resolve("data/corrected.gz"))).data().features();
        java.util.Set<java.util.List<Double>> seen = new java.util.HashSet<>();
        List<double[]> distinct = new java.util.ArrayList<>();
        for (double[] r : all) {
            if (seen.add(java.util.Arrays.stream(r).boxed().toList())) {
                distinct.add(r);
            }
        }
        return spread(distinct.toArray(double[][]::new), n);
    }

    private static double[][] spread(double[][] from, int n) {
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            rows[i] = from[(int) ((long) i * from.length / n)];
        }
        return rows;
    }
}
