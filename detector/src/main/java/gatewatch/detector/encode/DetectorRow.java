package gatewatch.detector.encode;

import gatewatch.features.conn.ConnectionSummary;
import gatewatch.features.extended.ExtendedFeature;
import gatewatch.features.extended.ExtendedFeatures;
import gatewatch.features.kdd.KddFeature;
import gatewatch.features.kdd.KddFlag;
import gatewatch.features.kdd.KddRecord;
import gatewatch.features.kdd.KddSchema;
import gatewatch.features.kdd.ProtocolType;

/**
 * The raw row every model of the detector reads: the 41 KDD features, then the extended features
 * it uses ({@link #EXTENDED}).
 *
 * <p>It uses only extended features whose value for a row of KDD'99 follows from the row's 41, so
 * that a row of either world has them and no tree can use them to tell 1998's traffic from
 * today's: {@code conn_state} (a TCP row's flag is Zeek's state; a UDP or ICMP row was answered
 * when it has destination bytes). Packets each way and mean payload sizes, which KDD'99 does not
 * have, made every held-out normal capture of today look like the lab's attacks
 * (detector/RESULTS.md, section 10). {@code open_at_end} marks an artefact of where a capture
 * ended, which must not make an alert by itself, and every lab recording ends in the middle of
 * its own traffic, floods included: a model would learn the lab's endings from it. They are
 * exported ({@code features --extended}) and not used.
 */
public final class DetectorRow {
    /** The extended features the detector uses, in column order after the 41. */
    public static final ExtendedFeature[] EXTENDED = {ExtendedFeature.CONN_STATE};
    /** The column of the first extended feature. */
    public static final int FIRST_EXTENDED = KddFeature.COUNT_OF_FEATURES;
    /** The columns of a row. */
    public static final int WIDTH = FIRST_EXTENDED + EXTENDED.length;
    /** The column of {@code conn_state}. */
    public static final int CONN_STATE = FIRST_EXTENDED;

    private static final int PROTOCOL = KddFeature.PROTOCOL_TYPE.ordinal();
    private static final int FLAG = KddFeature.FLAG.ordinal();
    private static final int DST_BYTES = KddFeature.DST_BYTES.ordinal();

    private DetectorRow() {
    }

    /**
     * Writes the row of {@code features} into {@code dst[offset..]}: with {@code conn}'s extended
     * features, or, when {@code conn} is null (a KDD'99 row, a record of the scoring API), with
     * those that follow from the 41.
     */
    public static void fill(KddRecord features, ConnectionSummary conn, double[] dst, int offset) {
        features.copyInto(dst, offset);
        if (conn != null) {
            for (int i = 0; i < EXTENDED.length; i++) {
                dst[offset + FIRST_EXTENDED + i] = ExtendedFeatures.value(EXTENDED[i], conn);
            }
        } else {
            derive(dst, offset);
        }
    }

    /** A new row of {@code features} and {@code conn} (null: derived from the 41). */
    public static double[] of(KddRecord features, ConnectionSummary conn) {
        double[] row = new double[WIDTH];
        fill(features, conn, row, 0);
        return row;
    }

    /** A new row of 41 KDD values and all extended features ({@link ExtendedFeature} order), e.g. a corpus line. */
    public static double[] of(double[] kdd, double[] extended) {
        double[] row = new double[WIDTH];
        System.arraycopy(kdd, 0, row, 0, FIRST_EXTENDED);
        for (int i = 0; i < EXTENDED.length; i++) {
            row[FIRST_EXTENDED + i] = extended[EXTENDED[i].ordinal()];
        }
        return row;
    }

    /**
     * Copies {@code raw} into {@code dst[offset..]} as a full row: a row of the 41 KDD values only
     * gets the extended columns that follow from them.
     */
    public static void copy(double[] raw, double[] dst, int offset) {
        if (raw.length == WIDTH) {
            System.arraycopy(raw, 0, dst, offset, WIDTH);
        } else if (raw.length == KddFeature.COUNT_OF_FEATURES) {
            System.arraycopy(raw, 0, dst, offset, KddFeature.COUNT_OF_FEATURES);
            derive(dst, offset);
        } else {
            throw new IllegalArgumentException("a row has " + KddFeature.COUNT_OF_FEATURES + " or " + WIDTH
                    + " values, got " + raw.length);
        }
    }

    /** {@code raw} as a full row: itself when it is one, else a widened copy. */
    public static double[] widen(double[] raw) {
        if (raw.length == WIDTH) {
            return raw;
        }
        double[] row = new double[WIDTH];
        copy(raw, row, 0);
        return row;
    }

    /** The column names: KDD's 41, then the extended features'. */
    public static String[] names() {
        String[] names = new String[WIDTH];
        for (KddFeature f : KddFeature.values()) {
            names[f.ordinal()] = f.kddName();
        }
        for (int i = 0; i < EXTENDED.length; i++) {
            names[FIRST_EXTENDED + i] = EXTENDED[i].columnName();
        }
        return names;
    }

    /**
     * The hash of what a row is: the 41's schema ({@link KddSchema}), then each column beyond them
     * by position, name and encoding ({@code conn_state} is a flag code). A model file records it,
     * and a build whose rows differ refuses the model; an extended feature that is only exported
     * changes nothing.
     */
    public static String schemaHash() {
        StringBuilder sb = new StringBuilder(KddSchema.text());
        for (int i = 0; i < EXTENDED.length; i++) {
            sb.append(FIRST_EXTENDED + i).append(':').append(EXTENDED[i].columnName());
            if (EXTENDED[i] == ExtendedFeature.CONN_STATE) {
                for (String flag : KddFeature.FLAG.symbolNames()) {
                    sb.append(',').append(flag);
                }
            }
            sb.append('\n');
        }
        return KddSchema.sha256(sb.toString());
    }

    /** The extended columns of the 41 at {@code row[offset..]}: what KDD'99's own rows would have had. */
    private static void derive(double[] row, int offset) {
        boolean tcp = row[offset + PROTOCOL] == ProtocolType.TCP.ordinal();
        double answered = row[offset + DST_BYTES] > 0 ? KddFlag.SF.ordinal() : KddFlag.S0.ordinal();
        row[offset + CONN_STATE] = tcp ? row[offset + FLAG] : answered;
    }
}
