package gatewatch.detector.data;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Removes repeated rows, keeping the first of each distinct (41 features, label) pair.
 *
 * <p>KDD'99 is mostly copies (494,021 rows, 145,586 distinct in the 10 % set; smurf and neptune
 * are almost all repeats). Training on the copies weights a model toward the repeated
 * attacks and makes cross-validation folds share rows, so training dedupes first.
 */
public final class Dedupe {
    private Dedupe() {
    }

    /** The indices of the first occurrence of every distinct row, in input order. */
    public static int[] firstOccurrences(LabelledData data) {
        Set<Key> seen = new HashSet<>(data.size() * 2);
        int[] keep = new int[data.size()];
        int k = 0;
        for (int i = 0; i < data.size(); i++) {
            if (seen.add(new Key(data.features()[i], data.labels()[i]))) {
                keep[k++] = i;
            }
        }
        return Arrays.copyOf(keep, k);
    }

    /** The distinct rows of {@code data}. */
    public static LabelledData distinct(LabelledData data) {
        return data.select(firstOccurrences(data));
    }

    private record Key(double[] features, String label) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && label.equals(k.label) && Arrays.equals(features, k.features);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(features) + label.hashCode();
        }
    }
}
