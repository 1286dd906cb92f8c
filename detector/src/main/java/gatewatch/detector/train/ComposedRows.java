package gatewatch.detector.train;

import gatewatch.detector.data.Dedupe;
import gatewatch.detector.data.LabelledData;
import gatewatch.detector.model.Category;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The training rows of some sources: KDD'99 sources together, deduplicated; then each source of
 * today, deduplicated on its own,
 * its normal rows repeated {@code todayNormalWeight} times and its attack rows
 * {@code todayAttackWeight} times (Smile's forests take weights per class, not per row, so a
 * weight is a repetition). {@code primary} marks each distinct row's first copy: the baseline
 * and its threshold see every distinct normal row once, whatever its weight, or a repeated
 * row would be scored by trees that were fitted on a copy of it.
 *
 * @param data     the rows, KDD'99's first
 * @param primary  per row, whether it is its distinct row's first copy
 * @param groups   per row, the group (source) of a row of today's traffic; null for KDD'99's
 * @param rowsRead rows read from the sources, before dedupe and repetition
 */
record ComposedRows(LabelledData data, boolean[] primary, String[] groups, int rowsRead) {
    /** The rows of {@code sources}, deduplicated and weighted as {@code config} says. */
    static ComposedRows of(List<TrainingSource> sources, TrainingConfig config, TrainingProgress progress) {
        LabelledData data = null;
        int read = 0;
        List<TrainingSource> today = new ArrayList<>();
        for (TrainingSource s : sources) {
            read += s.rows().size();
            if (s.world() == TrainingSource.World.KDD) {
                data = data == null ? s.rows() : data.concat(s.rows());
            } else {
                today.add(s);
            }
        }
        if (config.dedupe() && data != null) {
            progress.stage(TrainingProgress.Stage.DEDUPE, 0);
            data = Dedupe.distinct(data);
        }
        int kddRows = data == null ? 0 : data.size();
        List<int[]> repeats = new ArrayList<>();
        for (TrainingSource source : today) {
            LabelledData d = config.dedupe() ? Dedupe.distinct(source.rows()) : source.rows();
            int[] index = repeated(d, config.todayNormalWeight(), config.todayAttackWeight());
            LabelledData r = d.select(index);
            data = data == null ? r : data.concat(r);
            repeats.add(index);
        }
        if (data == null) {
            throw new IllegalArgumentException("no training rows");
        }
        boolean[] primary = new boolean[data.size()];
        String[] groups = new String[data.size()];
        Arrays.fill(primary, 0, kddRows, true);
        int at = kddRows;
        for (int s = 0; s < repeats.size(); s++) {
            int[] index = repeats.get(s);
            Arrays.fill(groups, at, at + index.length, today.get(s).group());
            int distinct = 0;
            for (int j : index) {
                distinct = Math.max(distinct, j + 1);
            }
            boolean[] seen = new boolean[distinct];
            for (int j : index) {
                primary[at++] = !seen[j];
                seen[j] = true;
            }
        }
        return new ComposedRows(data, primary, groups, read);
    }

    /** Row indices of {@code d} with each normal row {@code normal} times and each attack row {@code attack} times. */
    private static int[] repeated(LabelledData d, int normal, int attack) {
        java.util.stream.IntStream.Builder b = java.util.stream.IntStream.builder();
        for (int i = 0; i < d.size(); i++) {
            int times = d.categories()[i] == Category.NORMAL ? normal : attack;
            for (int t = 0; t < times; t++) {
                b.add(i);
            }
        }
        return b.build().toArray();
    }
}
