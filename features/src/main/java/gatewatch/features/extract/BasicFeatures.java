package gatewatch.features.extract;

import gatewatch.features.conn.ConnectionSummary;
import gatewatch.features.kdd.KddFeature;

/**
 * The nine basic KDD features (columns 1–9) of a finished connection. See docs/FEATURES.md for
 * each definition and why.
 */
public final class BasicFeatures {
    private BasicFeatures() {
    }

    /** Writes duration … urgent of {@code c} into {@code v} at their {@link KddFeature} positions. */
    public static void fill(ConnectionSummary c, double[] v) {
        v[KddFeature.DURATION.ordinal()] = c.durationSeconds();
        v[KddFeature.PROTOCOL_TYPE.ordinal()] = c.protocol().ordinal();
        v[KddFeature.SERVICE.ordinal()] = c.service().ordinal();
        v[KddFeature.FLAG.ordinal()] = c.kddFlag().ordinal();
        v[KddFeature.SRC_BYTES.ordinal()] = c.origBytes();
        v[KddFeature.DST_BYTES.ordinal()] = c.respBytes();
        v[KddFeature.LAND.ordinal()] = c.land() ? 1 : 0;
        v[KddFeature.WRONG_FRAGMENT.ordinal()] = c.wrongFragments();
        v[KddFeature.URGENT.ordinal()] = c.urgentPackets();
    }
}
