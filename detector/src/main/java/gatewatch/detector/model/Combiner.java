package gatewatch.detector.model;

import java.util.List;

/**
 * Turns the three models' outputs for one connection into a {@link Verdict}: a pure function of
 * the connection's raw and encoded values, the label forest's posteriors, the category boost's
 * posteriors and the baseline's anomaly score, under the model's settings and, optionally, a
 * {@link SiteBaseline}. Immutable; any number of threads may share one.
 *
 * <p>The rules, in the order {@link #decide} applies them:
 * <ol>
 *   <li><b>Posterior</b> ({@link #combine}): the label forest gives posteriors over attack
 *   labels; summed per category they give {@code pF}. The category boost gives {@code pB}. The
 *   category posterior is {@code p = w * pF + (1 - w) * pB} with {@code w = forestWeight}.</li>
 *   <li><b>Cost</b>: the category is the one with the least expected KDD cost under {@code p}
 *   ({@link CostMatrix#leastExpectedCost}); with cost-sensitivity off, the most probable.</li>
 *   <li><b>Alert floor</b> ({@link #belowFloor}); above it only by its evidence, the category that
 *   evidence names ({@link #evidenceCategory}). Above the floor, wrong fragments and land make
 *   the attack a DoS ({@link #malformedPackets}).</li>
 *   <li><b>Volume</b> ({@link #unsupportedFlood}).</li>
 *   <li><b>Anomaly threshold</b> ({@link #normalOrAnomaly}).</li>
 *   <li><b>Site baseline</b> ({@link #siteTypical}).</li>
 *   <li><b>Label, confidence, reasons</b>: for an attack, the most probable label of that category
 *   that training saw on the connection's service ({@link LabelServices}),
 *   confidence {@code p[category]}; {@code normal} or {@code anomaly} otherwise (see
 *   {@link #normalOrAnomaly}). Reasons: see {@link ReasonFinder}; empty for normal verdicts.</li>
 * </ol>
 */
final class Combiner {
    private static final int C = Category.KDD_COUNT;
    private static final int NORMAL = Category.NORMAL.ordinal();
    private static final int DOS = Category.DOS.ordinal();

    private final int labels;
    private final int[] labelCategory;
    private final String[] labelNames;
    private final int[] labelVolume;
    private final long[] labelServices;
    private final int volumeMinimum;
    private final double forestWeight;
    private final boolean costSensitive;
    private final double alertFloor;
    private final double anomalyThreshold;
    private final ReasonFinder reasonFinder;
    private final SiteBaseline site;

    /** The combiner of {@code model}'s settings, with {@code site} (null for none). */
    Combiner(ModelPayload model, SiteBaseline site) {
        this.labels = model.labelForest().classes();
        this.labelCategory = model.labelCategories().clone();
        this.labelNames = model.labelNames().clone();
        this.labelVolume = model.labelVolume() == null ? new int[labels] : model.labelVolume().clone();
        this.labelServices = model.labelServices() == null ? null : model.labelServices().clone();
        this.volumeMinimum = java.util.Arrays.stream(labelVolume).max().orElse(0);
        this.forestWeight = model.forestWeight();
        this.costSensitive = model.costSensitive();
        this.alertFloor = model.alertFloor();
        this.anomalyThreshold = model.anomalyThreshold();
        this.reasonFinder = new ReasonFinder(model.importance(), model.normalCenter(), model.normalScale());
        this.site = site;
    }

    /** The number of labels of the forest's posteriors. */
    int labels() {
        return labels;
    }

    /**
     * The category posterior {@code p[po..po+5)} from the forest's label posteriors
     * {@code pl[lo..lo+labels)} and the boost's category posteriors {@code pb[bo..bo+5)}.
     */
    void combine(double[] pl, int lo, double[] pb, int bo, double[] p, int po) {
        double fw = forestWeight;
        for (int c = 0; c < C; c++) {
            p[po + c] = (1.0 - fw) * pb[bo + c];
        }
        for (int l = 0; l < labels; l++) {
            p[po + labelCategory[l]] += fw * pl[lo + l];
        }
    }

    /**
     * The verdict of one connection: its raw row {@code raw[ro..ro+WIDTH)} ({@link gatewatch.detector.encode.DetectorRow}), its encoded values
     * {@code enc[eo..eo+WIDTH)}, the forest's label posteriors {@code pl[lo..lo+labels)}, the combined
     * category posterior {@code p[po..po+5)} (from {@link #combine}) and the anomaly score.
     */
    Verdict decide(double[] raw, int ro, double[] enc, int eo, double[] pl, int lo, double[] p, int po, double iso) {
        int cat = costSensitive ? CostMatrix.leastExpectedCost(p, po) : argmax(p, po);
        if (cat != NORMAL && belowFloor(p, po)) {
            cat = AttackEvidence.present(raw, ro) ? evidenceCategory(cat, raw, ro) : NORMAL;
        } else if (cat != NORMAL && malformedPackets(raw, ro)) {
            cat = DOS;
        }
        int best = cat == NORMAL ? -1 : bestLabel(pl, lo, cat, raw, ro);
        if (best >= 0 && unsupportedFlood(best, raw, ro)) {
            cat = NORMAL;
        }
        if (cat == NORMAL) {
            return normalOrAnomaly(raw, ro, enc, eo, p[po], iso);
        }
        if (siteTypical(cat, best, raw, ro, enc, eo)) {
            return new Verdict(Category.NORMAL, Verdict.SITE_TYPICAL, clamp(p[po]), iso, List.of());
        }
        String label = best >= 0 ? labelNames[best] : Category.kdd(cat).externalName();
        return new Verdict(Category.kdd(cat), label, clamp(p[po + cat]), iso, reasonFinder.reasons(enc, eo));
    }

    /**
     * Alert floor: an attack category whose combined attack posterior {@code 1 - p[normal]} is
     * below the model's alert floor becomes {@code normal}, unless the connection carries
     * {@link AttackEvidence} (failed logins, wrong fragments, land, an HTTP request matching an
     * attack signature, a window of failed connections). The cost matrix makes a close call an attack, which on KDD'99 is right, but on
     * today's traffic most close calls without such evidence are normal connections of a kind the
     * training data held few of (the floor is chosen by cross-validation that holds out whole lab
     * scenarios and captures, detector/RESULTS.md).
     */
    private boolean belowFloor(double[] p, int po) {
        return 1.0 - p[po] < alertFloor;
    }

    /**
     * Evidence names the category: an attack verdict that only its {@link AttackEvidence} keeps
     * above the floor takes the category that evidence names ({@link AttackEvidence#namedCategory}),
     * where it names one. Below the floor the posterior says little about which attack it is (one
     * teardrop datagram among normal LAN traffic got probe at 0.06 by one retrain and dos by the
     * next), while a wrong fragment is a DoS and a failed login an R2L by KDD's own definitions.
     */
    private static int evidenceCategory(int cat, double[] raw, int ro) {
        Category named = AttackEvidence.namedCategory(raw, ro);
        return named == null ? cat : named.ordinal();
    }

    /**
     * Malformed packets name the category at any posterior: an attack verdict on a connection with
     * wrong fragments or a land packet is a DoS. In KDD'99 no attack but teardrop, pod and land
     * carries them; the posterior of such a rare row is a vote of look-alikes that one retrain
     * cast for probe (the shared teardrop, one datagram among LAN traffic) and the next for dos.
     */
    private static boolean malformedPackets(double[] raw, int ro) {
        return AttackEvidence.namedCategory(raw, ro) == Category.DOS;
    }

    /**
     * Volume: an attack whose most probable label of its category ({@code best}) is one the
     * training data showed only in volume (a flood) becomes {@code normal} when the connection's
     * 2-second window shows no such volume and it carries no {@link AttackEvidence}
     * ({@link VolumeEvidence}): one echo reply is not a smurf.
     */
    private boolean unsupportedFlood(int best, double[] raw, int ro) {
        return !VolumeEvidence.supports(raw, ro, labelVolume[best]);
    }

    /**
     * Anomaly threshold: a connection judged {@code normal} whose baseline anomaly score exceeds
     * the threshold stored in the model is an {@link Category#ANOMALY}: no attack class explains
     * it, yet it is unlike the normal training traffic. An attack verdict is never downgraded to
     * one. Confidence: {@code p[normal]} for normal; {@code (score - threshold) / (1 - threshold)}
     * for an anomaly. With a site baseline an anomaly also needs to be unlike the site's own
     * traffic: one typical of the site is a {@code normal} verdict labelled
     * {@link Verdict#SITE_TYPICAL}.
     */
    private Verdict normalOrAnomaly(double[] raw, int ro, double[] enc, int eo, double pNormal, double iso) {
        if (iso > anomalyThreshold) {
            if (site != null && site.typical(raw, ro, enc, eo)) {
                return new Verdict(Category.NORMAL, Verdict.SITE_TYPICAL, clamp(pNormal), iso, List.of());
            }
            double conf = Math.min(1.0, (iso - anomalyThreshold) / (1.0 - anomalyThreshold));
            return new Verdict(Category.ANOMALY, "anomaly", conf, iso, reasonFinder.reasons(enc, eo));
        }
        return new Verdict(Category.NORMAL, "normal", clamp(pNormal), iso, List.of());
    }

    /**
     * Site baseline: an attack verdict on a connection typical of the site ({@code gatewatch
     * learn}) becomes {@code normal}: the site does this all the time (TLS on 443, SSH to its own
     * servers), and KDD's classes, which never saw such traffic in normal use, are not evidence
     * against it. A flood, a scan or a sweep is not typical of any site: volume and error evidence
     * beyond what the site showed for the connection's protocol and service is never cleared
     * ({@link SiteScopes}), and neither is a flood verdict: one of a label seen only in volume
     * (whose window, after {@link #unsupportedFlood}, shows that volume), or a {@code dos} verdict
     * whose window shows the model's volume ({@link VolumeEvidence}), whatever bursts the site had.
     * A site with bursts of its own must not learn to hide a flood of that size.
     */
    private boolean siteTypical(int cat, int best, double[] raw, int ro, double[] enc, int eo) {
        if (site == null) {
            return false;
        }
        boolean flood = best >= 0 && labelVolume[best] > 0
                || cat == DOS && volumeMinimum > 0 && VolumeEvidence.volume(raw, ro) >= volumeMinimum;
        return !flood && site.typical(raw, ro, enc, eo);
    }

    /**
     * The forest's most probable label of category {@code cat} among those training saw on the
     * connection's service ({@link LabelServices}); among all of the category's labels if it saw
     * none there (a service no attack of the category used); -1 if the category has no label.
     */
    private int bestLabel(double[] pl, int lo, int cat, double[] raw, int ro) {
        int code = LabelServices.code(raw, ro);
        int best = -1;
        int bestSeen = -1;
        for (int l = 0; l < labels; l++) {
            if (labelCategory[l] != cat) {
                continue;
            }
            if (best < 0 || pl[lo + l] > pl[lo + best]) {
                best = l;
            }
            if (labelServices != null && LabelServices.seen(labelServices, l, code)
                    && (bestSeen < 0 || pl[lo + l] > pl[lo + bestSeen])) {
                bestSeen = l;
            }
        }
        return bestSeen >= 0 ? bestSeen : best;
    }

    /** The category an evaluation counts for a verdict: for an anomaly, the most probable attack category. */
    static Category counted(Verdict v, double[] p, int po) {
        if (v.category() != Category.ANOMALY) {
            return v.category();
        }
        int best = 1;
        for (int c = 2; c < C; c++) {
            if (p[po + c] > p[po + best]) {
                best = c;
            }
        }
        return Category.kdd(best);
    }

    private static int argmax(double[] p, int o) {
        int best = 0;
        for (int j = 1; j < C; j++) {
            if (p[o + j] > p[o + best]) {
                best = j;
            }
        }
        return best;
    }

    private static double clamp(double v) {
        return Math.max(0.0, Math.min(1.0, v));
    }
}
