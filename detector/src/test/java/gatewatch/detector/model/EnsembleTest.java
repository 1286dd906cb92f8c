package gatewatch.detector.model;

import static org.assertj.core.api.Assertions.assertThat;

import gatewatch.detector.data.LabelledData;
import gatewatch.detector.testing.Fixtures;
import gatewatch.features.kdd.KddFeature;
import gatewatch.features.kdd.KddRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EnsembleTest {
    private Ensemble ensemble;
    private LabelledData rows;

    @BeforeAll
    void train() {
        ensemble = Fixtures.syntheticModel().ensemble();
        rows = Fixtures.synthetic(500, 42);
    }

    private KddRecord first(String label) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.labels()[i].equals(label)) {
                return KddRecord.of(rows.features()[i]);
            }
        }
        throw new AssertionError("no " + label);
    }

    @Test
    void aSynFloodRowIsDosNeptuneWithReasons() {
        Verdict v = ensemble.score(first("neptune"));
        assertThat(v.category()).isEqualTo(Category.DOS);
        assertThat(v.label()).isEqualTo("neptune");
        assertThat(v.isAlert()).isTrue();
        assertThat(v.confidence()).isBetween(0.5, 1.0);
        assertThat(v.reasons()).isNotEmpty().hasSizeLessThanOrEqualTo(3)
                .allMatch(r -> java.util.Arrays.stream(KddFeature.values()).anyMatch(f -> f.kddName().equals(r)));
    }

    @Test
    void aNormalRowIsNormalWithoutReasons() {
        Verdict v = ensemble.score(first("normal"));
        assertThat(v.category()).isEqualTo(Category.NORMAL);
        assertThat(v.label()).isEqualTo("normal");
        assertThat(v.isAlert()).isFalse();
        assertThat(v.reasons()).isEmpty();
        assertThat(v.anomalyScore()).isBetween(0.0, 1.0);
    }

    @Test
    void theThresholdDecidesWhenANormalVerdictBecomesAnAnomaly() {
        ModelPayload p = ensemble.payload();
        Ensemble strict = Ensemble.of(ensemble.header(), withThreshold(p, 1e-9));
        Ensemble lax = Ensemble.of(ensemble.header(), withThreshold(p, 1.0));
        KddRecord normal = first("normal");

        Verdict v = strict.score(normal);
        assertThat(v.category()).isEqualTo(Category.ANOMALY);
        assertThat(v.label()).isEqualTo("anomaly");
        assertThat(v.confidence()).isBetween(0.0, 1.0);
        assertThat(v.reasons()).isNotEmpty();
        assertThat(lax.score(normal).category()).isEqualTo(Category.NORMAL);
        // An attack verdict is never turned into an anomaly.
        assertThat(strict.score(first("neptune")).category()).isEqualTo(Category.DOS);
        // Scored against the five categories, an anomaly counts as the likeliest attack category.
        Assessment a = strict.assess(new double[][] {normal.toArray()})[0];
        assertThat(a.counted()).isIn(Category.DOS, Category.PROBE, Category.R2L, Category.U2R);
    }

    @Test
    void anUnseenServiceIsStrangerThanTheSameRowWithASeenOne() {
        // Over the normal rows, not one: a tiny forest's 8 trees may never test service or flag on one row's path.
        double usual = 0;
        double strange = 0;
        int n = 0;
        for (int i = 0; i < rows.size() && n < 50; i++) {
            if (rows.labels()[i].equals("normal")) {
                double[] row = rows.features()[i].clone();
                usual += ensemble.score(KddRecord.of(row)).anomalyScore();
                row[KddFeature.SERVICE.ordinal()] = gatewatch.features.kdd.Service.OTH_I.ordinal();
                row[KddFeature.FLAG.ordinal()] = gatewatch.features.kdd.KddFlag.SHR.ordinal();
                strange += ensemble.score(KddRecord.of(row)).anomalyScore();
                n++;
            }
        }
        assertThat(n).isEqualTo(50);
        assertThat(strange / n).isGreaterThan(usual / n);
    }

    @Test
    void aBatchScoresRepeatedRowsOnceAndGivesEachTheSameVerdict() {
        KddRecord a = first("neptune");
        KddRecord b = first("normal");
        double[] c = a.toArray();
        c[KddFeature.COUNT.ordinal()] += 1; // differs from a in one value
        KddRecord[] batch = {a, b, a, KddRecord.of(c), a, b};
        Verdict[] out = new Verdict[batch.length];

        ensemble.scoreBatch(batch, batch.length, out);

        assertThat(out[2]).isSameAs(out[0]);
        assertThat(out[4]).isSameAs(out[0]);
        assertThat(out[5]).isSameAs(out[1]);
        assertThat(out[3]).isNotSameAs(out[0]);
        for (int i = 0; i < batch.length; i++) {
            assertThat(out[i]).isEqualTo(ensemble.score(batch[i]));
        }
    }

    /**
     * Records built through the API can hold what no capture or file gives (NaN, infinities,
     * negative values); a batch of them, every row different so that all eight lanes of the
     * walks run, gets the verdicts single-row scoring gives, for this model and the bundled one.
     */
    @Test
    void valuesThatAreNotKddNumbersAreScoredAlikeInBatchesAndAlone() {
        double[] odd = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -5.0, -1.0, -0.0};
        KddRecord[] batch = new KddRecord[64];
        for (int i = 0; i < batch.length; i++) {
            double[] v = rows.features()[i].clone();
            v[KddFeature.DURATION.ordinal()] = odd[i % odd.length];
            if (i % 3 == 0) {
                v[KddFeature.SRC_BYTES.ordinal()] = odd[(i / 3) % odd.length];
                v[KddFeature.SAME_SRV_RATE.ordinal()] = odd[(i / 2) % odd.length];
            }
            batch[i] = KddRecord.of(v);
        }
        for (Ensemble e : new Ensemble[] {ensemble, Ensemble.loadDefault()}) {
            Verdict[] out = new Verdict[batch.length];
            e.scoreBatch(batch, batch.length, out);
            for (int i = 0; i < batch.length; i++) {
                assertThat(out[i]).as("row %d", i).isEqualTo(e.score(batch[i]));
            }
        }
    }

    /** One ensemble shared by threads scoring at once gives each the verdicts of scoring alone. */
    @Test
    void threadsScoringAtOnceGetTheVerdictsOfScoringAlone() throws Exception {
        int n = rows.size();
        KddRecord[] all = new KddRecord[n];
        Verdict[] expected = new Verdict[n];
        for (int i = 0; i < n; i++) {
            all[i] = KddRecord.of(rows.features()[i]);
            expected[i] = ensemble.score(all[i]);
        }
        int threads = 4;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            java.util.List<java.util.concurrent.Future<Integer>> done = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int seed = t;
                done.add(pool.submit(() -> {
                    java.util.Random r = new java.util.Random(seed);
                    int wrong = 0;
                    Verdict[] out = new Verdict[n];
                    for (int round = 0; round < 40; round++) {
                        if (r.nextBoolean()) {
                            ensemble.scoreBatch(all, n, out);
                            for (int i = 0; i < n; i++) {
                                wrong += out[i].equals(expected[i]) ? 0 : 1;
                            }
                        } else {
                            for (int i = r.nextInt(n), k = 0; k < 50; k++, i = (i + 1) % n) {
                                wrong += ensemble.score(all[i]).equals(expected[i]) ? 0 : 1;
                            }
                        }
                    }
                    return wrong;
                }));
            }
            for (var f : done) {
                assertThat(f.get()).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void categoriesHaveLowerCaseExternalNames() {
        assertThat(java.util.Arrays.stream(Category.values()).map(Category::externalName))
                .containsExactly("normal", "dos", "probe", "r2l", "u2r", "anomaly", "mitm");
        // The model's KDD classes come first; anomaly and the notices' mitm are not KDD categories.
        assertThat(java.util.Arrays.stream(Category.values()).filter(Category::isKdd))
                .containsExactly(Category.NORMAL, Category.DOS, Category.PROBE, Category.R2L, Category.U2R);
    }

    @Test
    void anAttackBelowTheAlertFloorWithoutEvidenceIsJudgedAsNormalTrafficAndTheRestIsKept() {
        Assessment[] before = ensemble.assess(rows.features());
        double[] attack = java.util.Arrays.stream(before)
                .filter(a -> a.verdict().category() != Category.NORMAL && a.verdict().category() != Category.ANOMALY)
                .mapToDouble(Assessment::attackProbability).sorted().toArray();
        assertThat(attack).as("the fixture has attack verdicts of several strengths").hasSizeGreaterThan(10);
        double floor = attack[attack.length / 2];
        assertThat(attack[0]).as("not all equally sure").isLessThan(floor);
        ModelPayload p = ensemble.payload();
        Ensemble floored = Ensemble.of(ensemble.header(), new ModelPayload(p.encoder(), p.labelForest(), p.labelNames(),
                p.labelCategories(), p.categoryBoost(), p.baseline(), p.anomalyThreshold(), p.forestWeight(),
                p.costSensitive(), p.importance(), p.normalCenter(), p.normalScale(), p.summary(), floor, p.labelVolume(), p.labelServices()));

        Assessment[] after = floored.assess(rows.features());

        int lowered = 0;
        int kept = 0;
        for (int i = 0; i < before.length; i++) {
            Category was = before[i].verdict().category();
            if (was == Category.NORMAL || was == Category.ANOMALY) {
                assertThat(after[i].verdict()).isEqualTo(before[i].verdict());
            } else if (before[i].attackProbability() < floor && !AttackEvidence.present(rows.features()[i], 0)) {
                assertThat(after[i].verdict().category()).as("row %d below the floor", i).isIn(Category.NORMAL, Category.ANOMALY);
                lowered++;
            } else if (before[i].attackProbability() < floor) {
                assertThat(after[i].verdict()).as("row %d below the floor but with evidence", i).isEqualTo(before[i].verdict());
                kept++;
            } else {
                assertThat(after[i].verdict()).as("row %d at or above the floor", i).isEqualTo(before[i].verdict());
            }
        }
        assertThat(lowered).isPositive();
        assertThat(kept).as("the fixture's neptune and guess_passwd rows carry evidence").isPositive();
    }

    @Test
    void anAttackOnAConnectionWithWrongFragmentsIsADosWhateverThePosterior() {
        double[] scan = first("satan").toArray();
        assertThat(ensemble.score(KddRecord.of(scan)).category()).isEqualTo(Category.PROBE);
        scan[KddFeature.WRONG_FRAGMENT.ordinal()] = 1;
        Assessment a = ensemble.assess(new double[][] {scan})[0];
        // Above the alert floor, so not the floor's evidence rule: the fragments make it a DoS.
        assertThat(a.attackProbability()).isGreaterThanOrEqualTo(ensemble.payload().alertFloor());
        assertThat(a.verdict().category()).isEqualTo(Category.DOS);
    }

    @Test
    void theLabelIsOneTrainingSawOnTheConnectionsService() {
        ModelPayload p = ensemble.payload();
        KddRecord syn = first("neptune");
        Verdict free = ensemble.score(syn);
        assertThat(free.label()).isEqualTo("neptune");
        int labels = p.labelNames().length;
        int neptune = java.util.Arrays.asList(p.labelNames()).indexOf("neptune");
        int smurf = java.util.Arrays.asList(p.labelNames()).indexOf("smurf");
        int code = (int) syn.toArray()[KddFeature.PROTOCOL_TYPE.ordinal()] * gatewatch.features.kdd.Service.values().length
                + (int) syn.toArray()[KddFeature.SERVICE.ordinal()];

        // neptune never seen on this protocol and service, smurf seen there: the verdict names smurf, nothing else moves.
        long[] seen = new long[labels * LabelServices.WORDS];
        seen[smurf * LabelServices.WORDS + (code >>> 6)] |= 1L << (code & 63);
        Verdict scoped = Ensemble.of(ensemble.header(), withServices(p, seen)).score(syn);
        assertThat(scoped.label()).isEqualTo("smurf");
        assertThat(scoped.category()).isEqualTo(free.category());
        assertThat(scoped.confidence()).isEqualTo(free.confidence());

        // No label of the category seen on the service: the most probable one of the category.
        Verdict unseen = Ensemble.of(ensemble.header(), withServices(p, new long[labels * LabelServices.WORDS])).score(syn);
        assertThat(unseen).isEqualTo(free);
        assertThat(neptune).isNotNegative();
    }

    @Test
    void trainingRecordsTheServicesEachLabelWasSeenOn() {
        ModelPayload p = ensemble.payload();
        assertThat(p.labelServices()).as("the fixture model is trained with the table").isNotNull();
        int neptune = java.util.Arrays.asList(p.labelNames()).indexOf("neptune");
        for (int i = 0; i < rows.size(); i++) {
            int l = java.util.Arrays.asList(p.labelNames()).indexOf(rows.labels()[i]);
            assertThat(LabelServices.seen(p.labelServices(), l, LabelServices.code(rows.features()[i], 0))).isTrue();
        }
        double[] other = first("neptune").toArray();
        boolean anyUnseen = false;
        for (int s = 0; s < gatewatch.features.kdd.Service.values().length && !anyUnseen; s++) {
            other[KddFeature.SERVICE.ordinal()] = s;
            anyUnseen = !LabelServices.seen(p.labelServices(), neptune, LabelServices.code(other, 0));
        }
        assertThat(anyUnseen).as("neptune was not seen on every service").isTrue();
    }

    static ModelPayload withServices(ModelPayload p, long[] seen) {
        return new ModelPayload(p.encoder(), p.labelForest(), p.labelNames(), p.labelCategories(), p.categoryBoost(),
                p.baseline(), p.anomalyThreshold(), p.forestWeight(), p.costSensitive(), p.importance(), p.normalCenter(),
                p.normalScale(), p.summary(), p.alertFloor(), p.labelVolume(), seen);
    }

    static ModelPayload withThreshold(ModelPayload p, double t) {
        return new ModelPayload(p.encoder(), p.labelForest(), p.labelNames(), p.labelCategories(), p.categoryBoost(),
                p.baseline(), t, p.forestWeight(), p.costSensitive(), p.importance(), p.normalCenter(), p.normalScale(),
                p.summary(), p.alertFloor(), p.labelVolume(), p.labelServices());
    }
}
