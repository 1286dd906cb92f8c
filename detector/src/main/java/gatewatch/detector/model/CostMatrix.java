package gatewatch.detector.model;

/**
 * The KDD Cup 1999 cost matrix, indexed {@code [actual][predicted]} in {@link Category} order
 * (normal, dos, probe, r2l, u2r). Missing an r2l attack (4) or a u2r attack (3) costs most;
 * calling a probe a probe is free and calling anything else a probe costs little.
 */
public final class CostMatrix {
    private static final double[][] KDD = {
        //        normal dos probe r2l u2r   (predicted)
        /* normal */ {0, 2, 1, 2, 2},
        /* dos    */ {2, 0, 1, 2, 2},
        /* probe  */ {1, 2, 0, 2, 2},
        /* r2l    */ {4, 2, 2, 0, 2},
        /* u2r    */ {3, 2, 2, 2, 0},
    };

    private CostMatrix() {
    }

    /** The cost of predicting {@code predicted} for a row whose category is {@code actual}. */
    public static double cost(Category actual, Category predicted) {
        return KDD[actual.ordinal()][predicted.ordinal()];
    }

    public static double cost(int actual, int predicted) {
        return KDD[actual][predicted];
    }

    /**
     * The category with the least expected cost under the posteriors {@code p[o..o+5)}
     * (first one on ties): {@code argmin_j sum_i p_i * cost(i, j)}.
     */
    public static int leastExpectedCost(double[] p, int o) {
        int best = 0;
        double bestCost = Double.POSITIVE_INFINITY;
        for (int j = 0; j < Category.KDD_COUNT; j++) {
            double c = 0.0;
            for (int i = 0; i < Category.KDD_COUNT; i++) {
                c += p[o + i] * KDD[i][j];
            }
            if (c < bestCost) {
                bestCost = c;
                best = j;
            }
        }
        return best;
    }
}
