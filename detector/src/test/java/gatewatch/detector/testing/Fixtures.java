package gatewatch.detector.testing;

import gatewatch.detector.data.LabelledData;
import gatewatch.detector.model.Category;
import gatewatch.detector.train.Trainer;
import gatewatch.detector.train.TrainedModel;
import gatewatch.detector.train.TrainingConfig;
import gatewatch.features.kdd.KddFeature;
import gatewatch.features.kdd.KddFlag;
import gatewatch.features.kdd.ProtocolType;
import gatewatch.features.kdd.Service;
import java.util.Random;

/** Small synthetic KDD-shaped data and models, for tests that must not depend on ../shared. */
public final class Fixtures {
    private Fixtures() {
    }

    /** A tree configuration small enough to train in a second or two. */
    public static TrainingConfig tiny() {
        TrainingConfig d = TrainingConfig.defaults();
        return new TrainingConfig(d.seed(), true, 6, 12, 200, 2, 4, 4, 6, 0.2, 0.7, 8, 64, 6, 0.99, 2, 0.5, true, 4, 1, 1, 0.0, 0);
    }

    /**
     * Rows whose category follows simple rules: many SYN errors is neptune (dos), many services per
     * host is satan (probe), failed logins is guess_passwd (r2l), a root shell is rootkit (u2r),
     * echo replies of 1032 bytes are smurf (dos), the rest normal.
     */
    public static LabelledData synthetic(int n, long seed) {
        Random r = new Random(seed);
        double[][] x = new double[n][];
        String[] labels = new String[n];
        Category[] categories = new Category[n];
        int[] difficulty = new int[n];
        for (int i = 0; i < n; i++) {
            double[] v = new double[KddFeature.COUNT_OF_FEATURES];
            int kind = r.nextInt(10);
            v[KddFeature.PROTOCOL_TYPE.ordinal()] = ProtocolType.TCP.ordinal();
            v[KddFeature.SERVICE.ordinal()] = Service.HTTP.ordinal();
            v[KddFeature.FLAG.ordinal()] = KddFlag.SF.ordinal();
            v[KddFeature.SRC_BYTES.ordinal()] = 100 + r.nextInt(400);
            v[KddFeature.DST_BYTES.ordinal()] = 1000 + r.nextInt(9000);
            v[KddFeature.LOGGED_IN.ordinal()] = 1;
            v[KddFeature.COUNT.ordinal()] = 1 + r.nextInt(10);
            v[KddFeature.SRV_COUNT.ordinal()] = 1 + r.nextInt(10);
            v[KddFeature.SAME_SRV_RATE.ordinal()] = 1.0;
            v[KddFeature.DST_HOST_COUNT.ordinal()] = r.nextInt(256);
            v[KddFeature.DST_HOST_SRV_COUNT.ordinal()] = r.nextInt(256);
            String label = "normal";
            switch (kind) {
                case 5 -> {
                    label = "neptune";
                    v[KddFeature.FLAG.ordinal()] = KddFlag.S0.ordinal();
                    v[KddFeature.SERVICE.ordinal()] = Service.PRIVATE.ordinal();
                    v[KddFeature.SRC_BYTES.ordinal()] = 0;
                    v[KddFeature.DST_BYTES.ordinal()] = 0;
                    v[KddFeature.LOGGED_IN.ordinal()] = 0;
                    v[KddFeature.COUNT.ordinal()] = 100 + r.nextInt(400);
                    v[KddFeature.SERROR_RATE.ordinal()] = 1.0;
                    v[KddFeature.DST_HOST_SERROR_RATE.ordinal()] = 1.0;
                }
                case 6 -> {
                    label = "smurf";
                    v[KddFeature.PROTOCOL_TYPE.ordinal()] = ProtocolType.ICMP.ordinal();
                    v[KddFeature.SERVICE.ordinal()] = Service.ECR_I.ordinal();
                    v[KddFeature.SRC_BYTES.ordinal()] = 1032;
                    v[KddFeature.DST_BYTES.ordinal()] = 0;
                    v[KddFeature.LOGGED_IN.ordinal()] = 0;
                    v[KddFeature.COUNT.ordinal()] = 511;
                }
                case 7 -> {
                    label = "satan";
                    v[KddFeature.FLAG.ordinal()] = KddFlag.REJ.ordinal();
                    v[KddFeature.SERVICE.ordinal()] = Service.values()[r.nextInt(60)].ordinal();
                    v[KddFeature.DIFF_SRV_RATE.ordinal()] = 0.5 + r.nextDouble() / 2;
                    v[KddFeature.SAME_SRV_RATE.ordinal()] = 0.1;
                    v[KddFeature.RERROR_RATE.ordinal()] = 1.0;
                }
                case 8 -> {
                    label = "guess_passwd";
                    v[KddFeature.SERVICE.ordinal()] = Service.TELNET.ordinal();
                    v[KddFeature.NUM_FAILED_LOGINS.ordinal()] = 1 + r.nextInt(3);
                    v[KddFeature.LOGGED_IN.ordinal()] = 0;
                }
                case 9 -> {
                    if (r.nextInt(4) == 0) {
                        label = "rootkit";
                        v[KddFeature.SERVICE.ordinal()] = Service.TELNET.ordinal();
                        v[KddFeature.ROOT_SHELL.ordinal()] = 1;
                        v[KddFeature.NUM_FILE_CREATIONS.ordinal()] = 1 + r.nextInt(5);
                    }
                }
                default -> {
                }
            }
            x[i] = v;
            labels[i] = label;
            categories[i] = switch (label) {
                case "neptune", "smurf" -> Category.DOS;
                case "satan" -> Category.PROBE;
                case "guess_passwd" -> Category.R2L;
                case "rootkit" -> Category.U2R;
                default -> Category.NORMAL;
            };
            difficulty[i] = -1;
        }
        return new LabelledData(x, labels, categories, difficulty);
    }

    /** A model trained on {@link #synthetic} rows with {@link #tiny()} trees. */
    public static TrainedModel syntheticModel() {
        return new Trainer(tiny()).train(synthetic(3000, 7), "test fixture");
    }
}
