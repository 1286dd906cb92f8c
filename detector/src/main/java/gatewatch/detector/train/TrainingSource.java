package gatewatch.detector.train;

import gatewatch.detector.data.LabelledData;
import java.util.Objects;

/**
 * One body of training rows and where it came from.
 *
 * <p>The two worlds are weighted apart ({@link TrainingConfig#todayNormalWeight()}): KDD'99 holds
 * about 145,000 distinct rows, today's traffic (lab recordings, captures of normal traffic) a few
 * thousand, and without weights the forests would learn 1998's normal traffic and treat today's
 * as a rounding error.
 *
 * @param group what cross-validation holds out whole: a lab scenario (its seeds together) or a
 *              capture; KDD'99 rows have no group and are dealt to folds one by one
 * @param world which world the rows are from
 * @param rows  the labelled rows
 */
public record TrainingSource(String group, World world, LabelledData rows) {
    /** Which world a source's rows come from. */
    public enum World {
        /** KDD'99 or NSL-KDD: 1998's traffic as DARPA recorded it. */
        KDD,
        /** Traffic of today: the lab corpus and captures of normal traffic. */
        TODAY
    }

    public TrainingSource {
        Objects.requireNonNull(group);
        Objects.requireNonNull(world);
        Objects.requireNonNull(rows);
    }

    /** KDD'99-style rows, not grouped. */
    public static TrainingSource kdd(LabelledData rows) {
        return new TrainingSource("kdd", World.KDD, rows);
    }
}
