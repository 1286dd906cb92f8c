package gatewatch.detector.model;

import static org.assertj.core.api.Assertions.assertThat;

import gatewatch.features.kdd.KddFeature;
import org.junit.jupiter.api.Test;

class VolumeEvidenceTest {
    private static final int NORMAL = 0;
    private static final int FLOOD = 1;
    private static final int SWEEP = 2;
    private static final int[] CATEGORIES = {Category.NORMAL.ordinal(), Category.DOS.ordinal(), Category.PROBE.ordinal()};

    private static double[] row(int count, int srvCount) {
        double[] r = new double[KddFeature.COUNT_OF_FEATURES];
        r[KddFeature.COUNT.ordinal()] = count;
        r[KddFeature.SRV_COUNT.ordinal()] = srvCount;
        return r;
    }

    @Test
    void volumeIsTheLargerOfTheHostAndTheServiceCount() {
        assertThat(VolumeEvidence.volume(row(3, 250), 0)).isEqualTo(250);
        assertThat(VolumeEvidence.volume(row(400, 2), 0)).isEqualTo(400);
    }

    @Test
    void aLabelSeenInVolumeAtLeastTheShareOfTheTimeNeedsVolumeOthersDoNot() {
        // 100 flood rows, 96 loud (the first of a flood is quiet); 100 sweep rows, 60 loud;
        // 100 normal rows, all loud: the normal label never needs volume.
        double[][] raw = new double[300][];
        int[] label = new int[300];
        for (int i = 0; i < 100; i++) {
            raw[i] = i < 96 ? row(500, 500) : row(i - 95, i - 95);
            label[i] = FLOOD;
            raw[100 + i] = i < 60 ? row(1, 30) : row(1, 5);
            label[100 + i] = SWEEP;
            raw[200 + i] = row(100, 100);
            label[200 + i] = NORMAL;
        }
        assertThat(VolumeEvidence.labelMinimums(raw, label, CATEGORIES, 20)).containsExactly(0, 20, 0);
        assertThat(VolumeEvidence.labelMinimums(raw, label, CATEGORIES, 0)).as("0 turns it off")
                .containsExactly(0, 0, 0);
    }

    @Test
    void aQuietConnectionSupportsAFloodVerdictOnlyWithAttackEvidence() {
        assertThat(VolumeEvidence.supports(row(3, 12), 0, 20)).as("one ping among a few").isFalse();
        assertThat(VolumeEvidence.supports(row(1, 20), 0, 20)).as("a burst to one service").isTrue();
        assertThat(VolumeEvidence.supports(row(3, 12), 0, 0)).as("a label without a minimum").isTrue();
        double[] failed = row(AttackEvidence.MIN_WINDOW, 3);
        failed[KddFeature.SERROR_RATE.ordinal()] = 1.0;
        assertThat(VolumeEvidence.supports(failed, 0, 20)).as("the first SYNs of a flood, all failed").isTrue();
        failed[KddFeature.COUNT.ordinal()] = AttackEvidence.MIN_WINDOW - 1;
        assertThat(VolumeEvidence.supports(failed, 0, 20)).as("too few to be a rate").isFalse();
    }
}
