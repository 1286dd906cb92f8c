package gatewatch.detector.train;

import gatewatch.detector.model.BoostScorer;
import gatewatch.detector.model.ForestScorer;
import gatewatch.detector.model.IsolationScorer;
import gatewatch.detector.model.TreeArrays;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import smile.anomaly.IsolationForest;
import smile.anomaly.IsolationTree;
import smile.classification.GradientTreeBoost;
import smile.classification.RandomForest;
import smile.model.cart.DecisionNode;
import smile.model.cart.InternalNode;
import smile.model.cart.Node;
import smile.model.cart.OrdinalNode;
import smile.model.cart.RegressionNode;
import smile.regression.RegressionTree;

/**
 * Turns trained Smile models into the flat-array scorers of {@code gatewatch.detector.model}.
 *
 * <p>Every number a scorer adds is computed here by the same expression Smile evaluates at
 * prediction time (tree weight times Laplace posterior, shrinkage times leaf output, Smile's
 * normalising factor), so the compiled models give the same doubles; the equivalence tests
 * check it on every row of {@code corrected}. A few values Smile keeps in package-private fields
 * (a split's value, an isolation node's slope) are read by reflection, which only ever runs here,
 * at training time.
 */
public final class SmileCompiler {
    private SmileCompiler() {
    }

    /** Compiles a random forest whose columns are the 41 encoded features in order. */
    public static ForestScorer forest(RandomForest rf, int classes) {
        TreeArrays.Builder b = new TreeArrays.Builder();
        List<Double> leaves = new ArrayList<>();
        double[] prob = new double[classes];
        for (RandomForest.Model m : rf.models()) {
            double weight = m.weight();
            int root = b.root();
            walk(m.tree().root(), root, b, leaf -> {
                int[] count = ((DecisionNode) leaf).count();
                DecisionNode.posteriori(count, prob);
                int offset = leaves.size();
                for (int i = 0; i < classes; i++) {
                    leaves.add(weight * prob[i]);
                }
                return offset;
            });
        }
        return new ForestScorer(b.build(), classes, toArray(leaves));
    }

    /** Compiles a multi-class gradient tree boost with the shrinkage it was trained with. */
    public static BoostScorer boost(GradientTreeBoost gbt, int classes, double shrinkage) {
        TreeArrays.Builder b = new TreeArrays.Builder();
        List<Double> leaves = new ArrayList<>();
        RegressionTree[][] groups = gbt.trees();
        if (groups.length != classes) {
            throw new IllegalArgumentException("boost has " + groups.length + " tree groups, expected " + classes);
        }
        for (RegressionTree[] group : groups) {
            for (RegressionTree tree : group) {
                int root = b.root();
                walk(tree.root(), root, b, leaf -> {
                    leaves.add(shrinkage * ((RegressionNode) leaf).output());
                    return leaves.size() - 1;
                });
            }
        }
        return new BoostScorer(b.build(), classes, toArray(leaves));
    }

    /** Compiles a standard (extension level 0) isolation forest. */
    public static IsolationScorer isolation(IsolationForest forest) {
        TreeArrays.Builder b = new TreeArrays.Builder();
        List<Double> slopes = new ArrayList<>();
        List<Double> depths = new ArrayList<>();
        for (IsolationTree tree : forest.trees()) {
            int root = b.root();
            isolationWalk(get(tree, "root"), root, b, slopes, depths);
        }
        TreeArrays arrays = b.build();
        double[] slope = new double[arrays.nodeCount()];
        for (int i = 0; i < slope.length; i++) {
            slope[i] = i < slopes.size() && slopes.get(i) != null && arrays.leaf()[i] < 0 ? slopes.get(i) : 0.0;
        }
        return new IsolationScorer(arrays, slope, toArray(depths), (double) get(forest, "c"));
    }

    private interface LeafSink {
        int add(Node leaf);
    }

    private static void walk(Node node, int at, TreeArrays.Builder b, LeafSink sink) {
        // An explicit stack: Smile trees can be deeper than a comfortable recursion.
        record Item(Node node, int at) {
        }
        java.util.ArrayDeque<Item> stack = new java.util.ArrayDeque<>();
        stack.push(new Item(node, at));
        while (!stack.isEmpty()) {
            Item it = stack.pop();
            if (it.node instanceof OrdinalNode o) {
                int child = b.split(it.at, o.feature(), (double) get(o, "value"));
                stack.push(new Item(o.falseChild(), child + 1));
                stack.push(new Item(o.trueChild(), child));
            } else if (it.node instanceof InternalNode other) {
                throw new IllegalArgumentException("cannot compile split " + other.getClass().getSimpleName()
                        + ": every column must be numeric");
            } else {
                b.leaf(it.at, sink.add(it.node));
            }
        }
    }

    private static void isolationWalk(Object node, int at, TreeArrays.Builder b, List<Double> slopes, List<Double> depths) {
        Object left = get(node, "left");
        Object right = get(node, "right");
        if (left == null || right == null) {
            depths.add((double) get(node, "depth"));
            b.leaf(at, depths.size() - 1);
            return;
        }
        double[] slope = get(node, "slope");
        int feature = 0;
        double s = 0.0;
        int nonZero = 0;
        for (int i = 0; i < slope.length; i++) {
            if (slope[i] != 0.0) {
                feature = i;
                s = slope[i];
                nonZero++;
            }
        }
        if (nonZero > 1) {
            throw new IllegalArgumentException("only standard isolation forests (extension level 0) compile");
        }
        int child = b.split(at, feature, (double) get(node, "bias"));
        set(slopes, at, s);
        isolationWalk(left, child, b, slopes, depths);
        isolationWalk(right, child + 1, b, slopes, depths);
    }

    private static void set(List<Double> list, int index, double value) {
        while (list.size() <= index) {
            list.add(null);
        }
        list.set(index, value);
    }

    @SuppressWarnings("unchecked")
    private static <T> T get(Object target, String field) {
        try {
            Class<?> c = target.getClass();
            while (c != null) {
                try {
                    Field f = c.getDeclaredField(field);
                    f.setAccessible(true);
                    return (T) f.get(target);
                } catch (NoSuchFieldException e) {
                    c = c.getSuperclass();
                }
            }
            throw new IllegalStateException("Smile changed: no field " + field + " in " + target.getClass().getName());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read Smile field " + field, e);
        }
    }

    private static double[] toArray(List<Double> values) {
        double[] a = new double[values.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = values.get(i);
        }
        return a;
    }
}
