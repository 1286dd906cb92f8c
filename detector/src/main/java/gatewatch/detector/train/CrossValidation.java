package gatewatch.detector.train;

import gatewatch.detector.data.Dedupe;
import gatewatch.detector.data.LabelledData;
import gatewatch.detector.eval.Evaluation;
import gatewatch.detector.eval.Evaluator;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Stratified k-fold cross-validation on training data (after dedupe, so that no row is in both a
 * training and a test fold): each fold's model is trained on the other folds and scored on it.
 */
public final class CrossValidation {
    private final TrainingConfig config;
    private final int folds;

    public CrossValidation(TrainingConfig config, int folds) {
        if (folds < 2) {
            throw new IllegalArgumentException("cross-validation needs at least 2 folds");
        }
        this.config = config;
        this.folds = folds;
    }

    /** Per-fold evaluations and their means. */
    public record Result(List<Evaluation> folds, double meanAccuracy, double meanCost) {
    }

    public Result run(LabelledData input) {
        LabelledData data = config.dedupe() ? Dedupe.distinct(input) : input;
        int[] fold = assignFolds(data);
        List<Evaluation> results = new ArrayList<>();
        for (int f = 0; f < folds; f++) {
            int k = f;
            LabelledData train = data.select(IntStream.range(0, data.size()).filter(i -> fold[i] != k).toArray());
            LabelledData test = data.select(IntStream.range(0, data.size()).filter(i -> fold[i] == k).toArray());
            TrainedModel m = new Trainer(config).train(train, "cross-validation fold " + (f + 1) + "/" + folds);
            results.add(Evaluator.run(m.ensemble(), test).evaluation());
        }
        double acc = results.stream().mapToDouble(Evaluation::accuracy).average().orElse(0);
        double cost = results.stream().mapToDouble(Evaluation::costPerExample).average().orElse(0);
        return new Result(results, acc, cost);
    }

    /** Folds stratified by label: each label's rows are shuffled (seeded) and dealt round-robin. */
    private int[] assignFolds(LabelledData data) {
        int[] fold = new int[data.size()];
        java.util.Map<String, List<Integer>> byLabel = new java.util.TreeMap<>();
        for (int i = 0; i < data.size(); i++) {
            byLabel.computeIfAbsent(data.labels()[i], l -> new ArrayList<>()).add(i);
        }
        Random random = new Random(config.seed());
        int next = 0;
        for (List<Integer> rows : byLabel.values()) {
            java.util.Collections.shuffle(rows, random);
            for (int i : rows) {
                fold[i] = next++ % folds;
            }
        }
        return fold;
    }
}
