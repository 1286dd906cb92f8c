package gatewatch.detector.data;

import gatewatch.detector.model.Category;
import java.util.Arrays;
import java.util.Objects;

/**
 * Labelled KDD rows in column form: the 41 raw feature values of each row (symbol codes for
 * protocol, service and flag), its label, its category, and NSL-KDD's difficulty (or -1).
 *
 * <p>Arrays are owned by the instance; callers treat them as read-only.
 */
public record LabelledData(double[][] features, String[] labels, Category[] categories, int[] difficulty) {
    public LabelledData {
        Objects.requireNonNull(features);
        int n = features.length;
        if (labels.length != n || categories.length != n || difficulty.length != n) {
            throw new IllegalArgumentException("column lengths differ");
        }
    }

    public int size() {
        return features.length;
    }

    /** The rows at {@code index}, in that order. */
    public LabelledData select(int[] index) {
        double[][] f = new double[index.length][];
        String[] l = new String[index.length];
        Category[] c = new Category[index.length];
        int[] d = new int[index.length];
        for (int i = 0; i < index.length; i++) {
            int j = index[i];
            f[i] = features[j];
            l[i] = labels[j];
            c[i] = categories[j];
            d[i] = difficulty[j];
        }
        return new LabelledData(f, l, c, d);
    }

    /** Row counts per KDD category, indexed by ordinal. */
    public int[] categoryCounts() {
        int[] counts = new int[Category.KDD_COUNT];
        for (Category c : categories) {
            counts[c.ordinal()]++;
        }
        return counts;
    }

    /** This data followed by {@code other}. */
    public LabelledData concat(LabelledData other) {
        int n = size();
        int m = other.size();
        double[][] f = Arrays.copyOf(features, n + m);
        System.arraycopy(other.features, 0, f, n, m);
        String[] l = Arrays.copyOf(labels, n + m);
        System.arraycopy(other.labels, 0, l, n, m);
        Category[] c = Arrays.copyOf(categories, n + m);
        System.arraycopy(other.categories, 0, c, n, m);
        int[] d = Arrays.copyOf(difficulty, n + m);
        System.arraycopy(other.difficulty, 0, d, n, m);
        return new LabelledData(f, l, c, d);
    }
}
