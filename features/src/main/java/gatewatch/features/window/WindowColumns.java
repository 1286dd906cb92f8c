package gatewatch.features.window;

import static gatewatch.features.kdd.KddFeature.COUNT;
import static gatewatch.features.kdd.KddFeature.DIFF_SRV_RATE;
import static gatewatch.features.kdd.KddFeature.DST_HOST_COUNT;
import static gatewatch.features.kdd.KddFeature.DST_HOST_DIFF_SRV_RATE;
import static gatewatch.features.kdd.KddFeature.DST_HOST_RERROR_RATE;
import static gatewatch.features.kdd.KddFeature.DST_HOST_SAME_SRC_PORT_RATE;
import static gatewatch.features.kdd.KddFeature.DST_HOST_SAME_SRV_RATE;
import static gatewatch.features.kdd.KddFeature.DST_HOST_SERROR_RATE;
import static gatewatch.features.kdd.KddFeature.DST_HOST_SRV_COUNT;
import static gatewatch.features.kdd.KddFeature.DST_HOST_SRV_DIFF_HOST_RATE;
import static gatewatch.features.kdd.KddFeature.DST_HOST_SRV_RERROR_RATE;
import static gatewatch.features.kdd.KddFeature.DST_HOST_SRV_SERROR_RATE;
import static gatewatch.features.kdd.KddFeature.RERROR_RATE;
import static gatewatch.features.kdd.KddFeature.SAME_SRV_RATE;
import static gatewatch.features.kdd.KddFeature.SERROR_RATE;
import static gatewatch.features.kdd.KddFeature.SRV_COUNT;
import static gatewatch.features.kdd.KddFeature.SRV_DIFF_HOST_RATE;
import static gatewatch.features.kdd.KddFeature.SRV_RERROR_RATE;
import static gatewatch.features.kdd.KddFeature.SRV_SERROR_RATE;

/**
 * Where one window writes its features: the column ({@link gatewatch.features.kdd.KddFeature}
 * ordinal) of each quantity. Both windows compute the same quantities; the host window also has
 * the same-source-port rate ({@code -1} where there is none).
 */
record WindowColumns(
        int count, int srvCount,
        int serrorRate, int srvSerrorRate, int rerrorRate, int srvRerrorRate,
        int sameSrvRate, int diffSrvRate, int srvDiffHostRate,
        int sameSrcPortRate) {

    static final WindowColumns TIME = new WindowColumns(
            COUNT.ordinal(), SRV_COUNT.ordinal(),
            SERROR_RATE.ordinal(), SRV_SERROR_RATE.ordinal(), RERROR_RATE.ordinal(), SRV_RERROR_RATE.ordinal(),
            SAME_SRV_RATE.ordinal(), DIFF_SRV_RATE.ordinal(), SRV_DIFF_HOST_RATE.ordinal(),
            -1);

    static final WindowColumns HOST = new WindowColumns(
            DST_HOST_COUNT.ordinal(), DST_HOST_SRV_COUNT.ordinal(),
            DST_HOST_SERROR_RATE.ordinal(), DST_HOST_SRV_SERROR_RATE.ordinal(),
            DST_HOST_RERROR_RATE.ordinal(), DST_HOST_SRV_RERROR_RATE.ordinal(),
            DST_HOST_SAME_SRV_RATE.ordinal(), DST_HOST_DIFF_SRV_RATE.ordinal(), DST_HOST_SRV_DIFF_HOST_RATE.ordinal(),
            DST_HOST_SAME_SRC_PORT_RATE.ordinal());

    boolean hasSameSrcPort() {
        return sameSrcPortRate >= 0;
    }
}
