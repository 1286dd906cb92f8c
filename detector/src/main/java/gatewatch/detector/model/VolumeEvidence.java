package gatewatch.detector.model;

import gatewatch.features.kdd.KddFeature;

/**
 * Volume as evidence: a flood is many connections, so an attack label that the training data
 * only ever shows in volume (smurf, neptune, an ICMP or UDP flood) is believed for a connection
 * only when its 2-second window shows volume too, or when {@link AttackEvidence} is present.
 *
 * <p>Why: a single echo reply of 64 bytes looks like one packet of a smurf or an ICMP flood
 * (today's floods use the default ping size), and a model that has not seen the site's pings
 * calls it one. A smurf is a burst of echo replies, not one; the window says which. The labels
 * that need volume are not listed by hand: training marks each label whose rows carry volume at
 * least {@link #SHARE} of the time ({@link #labelMinimums}), so a new flood in the lab corpus is
 * covered and a label seen at a trickle (a ping sweep, a brute force, pod) is not.
 */
public final class VolumeEvidence {
    /** Share of a label's training rows that must show volume for the label to require it. */
    public static final double SHARE = 0.95;

    private static final int COUNT = KddFeature.COUNT.ordinal();
    private static final int SRV_COUNT = KddFeature.SRV_COUNT.ordinal();

    private VolumeEvidence() {
    }

    /**
     * The volume of the connection at {@code raw[off..off+41)}: the larger of {@code count}
     * (connections to its host) and {@code srv_count} (to its service) in the 2-second window;
     * the second is what a flood from spoofed sources or to many victims raises.
     */
    public static double volume(double[] raw, int off) {
        return Math.max(raw[off + COUNT], raw[off + SRV_COUNT]);
    }

    /**
     * Per label, the least volume a verdict of that label needs: {@code minimum} for a label
     * whose rows have at least that volume {@link #SHARE} of the time, 0 (no requirement) for the
     * others, and for every label when {@code minimum} is 0.
     *
     * <p>Every connection counts once, as read (before deduplication and weights): a flood's
     * ramp-up and tail are each a distinct row, so counting distinct rows would weigh its first
     * and last seconds like its hundreds of identical middle ones.
     *
     * @param raw     raw KDD rows, one per connection
     * @param label           label index of each row, in {@code [0, labels)}
     * @param labelCategories category ordinal of each label (a normal label never needs volume)
     */
    public static int[] labelMinimums(double[][] raw, int[] label, int[] labelCategories, int minimum) {
        int labels = labelCategories.length;
        int[] minimums = new int[labels];
        if (minimum <= 0) {
            return minimums;
        }
        long[] rows = new long[labels];
        long[] loud = new long[labels];
        for (int r = 0; r < raw.length; r++) {
            rows[label[r]]++;
            if (volume(raw[r], 0) >= minimum) {
                loud[label[r]]++;
            }
        }
        for (int l = 0; l < labels; l++) {
            if (labelCategories[l] != Category.NORMAL.ordinal() && rows[l] > 0 && loud[l] >= SHARE * rows[l]) {
                minimums[l] = minimum;
            }
        }
        return minimums;
    }

    /** Whether a verdict of a label needing {@code minimum} is borne out by the connection at {@code off}. */
    public static boolean supports(double[] raw, int off, int minimum) {
        return minimum <= 0 || volume(raw, off) >= minimum || AttackEvidence.present(raw, off);
    }
}
