package gatewatch.detector.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TreeArraysTest {
    @Test
    void aWalkGoesToTheFirstChildWhenTheTestHolds() {
        TreeArrays.Builder b = new TreeArrays.Builder();
        int root = b.root();
        int child = b.split(root, 4, 10.0);
        b.leaf(child, 0);
        b.leaf(child + 1, 2);
        ForestScorer f = new ForestScorer(b.build(), 2, new double[] {1, 0, 0, 1});
        double[] x = new double[41];
        double[] post = new double[2];
        x[4] = 10.0;
        assertThat(f.predict(x, 0, post)).isZero();
        x[4] = 10.5;
        assertThat(f.predict(x, 0, post)).isEqualTo(1);
        assertThat(post).containsExactly(0.0, 1.0);
    }

    @Test
    void arraysThatCouldLoopOrRunOffAreRefused() {
        // node 0 points back at itself
        assertThatThrownBy(() -> new TreeArrays(new int[] {3, -1}, new double[2], new int[] {0, 0}, new int[] {0}))
                .isInstanceOf(IllegalArgumentException.class);
        // a feature index past the schema
        assertThatThrownBy(() -> new TreeArrays(new int[] {41, -1, -1}, new double[3], new int[] {1, 0, 0}, new int[] {0}))
                .isInstanceOf(IllegalArgumentException.class);
        // a root out of range
        assertThatThrownBy(() -> new TreeArrays(new int[] {-1}, new double[1], new int[] {0}, new int[] {5}))
                .isInstanceOf(IllegalArgumentException.class);
        // a leaf table shorter than the leaves need
        TreeArrays one = new TreeArrays(new int[] {-1}, new double[1], new int[] {4}, new int[] {0});
        assertThatThrownBy(() -> new ForestScorer(one, 2, new double[5])).isInstanceOf(IllegalArgumentException.class);
    }
}
