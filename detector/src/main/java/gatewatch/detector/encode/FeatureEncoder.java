package gatewatch.detector.encode;

import gatewatch.detector.data.LabelledData;
import gatewatch.detector.model.Category;
import gatewatch.features.kdd.KddFeature;
import gatewatch.features.kdd.KddFlag;
import gatewatch.features.kdd.ProtocolType;
import gatewatch.features.kdd.Service;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Comparator;

/**
 * The one encoder between a raw {@link DetectorRow} (the 41 KDD values and the extended features)
 * and the vector every model sees.
 *
 * <ul>
 *   <li>protocol_type, service, flag: the symbol code becomes its rank when the symbols seen in
 *   training are sorted by their share of attack rows (ties by code); so does the extended
 *   conn_state. A tree then separates risky
 *   from benign services with one threshold instead of a chain of splits over alphabetical codes
 *   (Breiman's ordering for categorical splits). A symbol never seen in training (e.g. the flags
 *   RSTRH/SHR, service oth_i) gets {@link #UNSEEN}, below every rank, so that it is explicit and
 *   the isolation forest finds it strange.</li>
 *   <li>duration, src_bytes, dst_bytes: {@code log1p}. These span nine decades; trees do not care,
 *   but the isolation forest draws split points uniformly between min and max, and on the raw
 *   scale almost every split would fall above all normal rows.</li>
 *   <li>duration is always a finite number once encoded: a value that is not a non-negative
 *   number (NaN, below 0; records from captures and files never hold one, but a caller of the
 *   API can build one) is taken as 0, as the connection tracker clamps a duration, and +inf as
 *   the largest double. Feature 0 is the one a leaf of the compiled trees tests to stay where it
 *   is ({@link gatewatch.detector.model.TreeArrays}); a NaN there made a batch walk step off
 *   its leaf, onto another node or past the end of the arrays.</li>
 *   <li>everything else: unchanged.</li>
 * </ul>
 *
 * @param ranks for each feature ordinal, the rank per symbol code (null for numeric features)
 */
public record FeatureEncoder(double[][] ranks) implements Serializable {
    /** The encoded value of a symbol not seen in training. */
    public static final double UNSEEN = -1.0;

    private static final int PROTOCOL = KddFeature.PROTOCOL_TYPE.ordinal();
    private static final int SERVICE = KddFeature.SERVICE.ordinal();
    private static final int FLAG = KddFeature.FLAG.ordinal();
    private static final int DURATION = KddFeature.DURATION.ordinal();
    private static final int SRC_BYTES = KddFeature.SRC_BYTES.ordinal();
    private static final int DST_BYTES = KddFeature.DST_BYTES.ordinal();
    private static final int W = DetectorRow.WIDTH;
    private static final int CONN_STATE = DetectorRow.CONN_STATE;

    public FeatureEncoder {
        if (ranks.length != W) {
            throw new IllegalArgumentException("encoder needs one entry per column (" + W + "), got " + ranks.length);
        }
        ranks = ranks.clone();
        check(ranks, PROTOCOL, ProtocolType.values().length);
        check(ranks, SERVICE, Service.values().length);
        check(ranks, FLAG, KddFlag.values().length);
        check(ranks, CONN_STATE, KddFlag.values().length);
    }

    private static void check(double[][] ranks, int feature, int symbols) {
        if (ranks[feature] == null || ranks[feature].length != symbols) {
            throw new IllegalArgumentException("encoder table for feature " + feature + " must have " + symbols + " entries");
        }
    }

    /** Fits the symbol ranks on training rows. */
    public static FeatureEncoder fit(LabelledData data) {
        double[][] ranks = new double[W][];
        ranks[PROTOCOL] = rank(data, PROTOCOL, ProtocolType.values().length);
        ranks[SERVICE] = rank(data, SERVICE, Service.values().length);
        ranks[FLAG] = rank(data, FLAG, KddFlag.values().length);
        ranks[CONN_STATE] = rank(data, CONN_STATE, KddFlag.values().length);
        return new FeatureEncoder(ranks);
    }

    private static double[] rank(LabelledData data, int feature, int symbols) {
        long[] rows = new long[symbols];
        long[] attacks = new long[symbols];
        for (int i = 0; i < data.size(); i++) {
            double[] row = data.features()[i];
            int code = (int) (feature < row.length ? row[feature] : DetectorRow.widen(row)[feature]);
            rows[code]++;
            if (data.categories()[i] != Category.NORMAL) {
                attacks[code]++;
            }
        }
        Integer[] seen = java.util.stream.IntStream.range(0, symbols).filter(c -> rows[c] > 0).boxed().toArray(Integer[]::new);
        Arrays.sort(seen, Comparator.comparingDouble((Integer c) -> (double) attacks[c] / rows[c]).thenComparingInt(c -> c));
        double[] r = new double[symbols];
        Arrays.fill(r, UNSEEN);
        for (int i = 0; i < seen.length; i++) {
            r[seen[i]] = i;
        }
        return r;
    }

    /** Encodes the raw row {@code raw[rawOffset .. rawOffset + WIDTH)} into {@code out[outOffset..]}. */
    public void encode(double[] raw, int rawOffset, double[] out, int outOffset) {
        System.arraycopy(raw, rawOffset, out, outOffset, W);
        out[outOffset + PROTOCOL] = lookup(ranks[PROTOCOL], raw[rawOffset + PROTOCOL]);
        out[outOffset + SERVICE] = lookup(ranks[SERVICE], raw[rawOffset + SERVICE]);
        out[outOffset + FLAG] = lookup(ranks[FLAG], raw[rawOffset + FLAG]);
        double duration = raw[rawOffset + DURATION];
        out[outOffset + DURATION] = duration > 0 ? Math.log1p(Math.min(duration, Double.MAX_VALUE)) : 0.0;
        out[outOffset + SRC_BYTES] = Math.log1p(raw[rawOffset + SRC_BYTES]);
        out[outOffset + DST_BYTES] = Math.log1p(raw[rawOffset + DST_BYTES]);
        out[outOffset + CONN_STATE] = lookup(ranks[CONN_STATE], raw[rawOffset + CONN_STATE]);
    }

    /** A new encoded copy of one raw row (of the 41 KDD values only, or a full {@link DetectorRow}). */
    public double[] encode(double[] raw) {
        double[] out = new double[W];
        encode(DetectorRow.widen(raw), 0, out, 0);
        return out;
    }

    /** Encoded copies of many raw rows. */
    public double[][] encodeAll(double[][] raw) {
        double[][] out = new double[raw.length][];
        for (int i = 0; i < raw.length; i++) {
            out[i] = encode(raw[i]);
        }
        return out;
    }

    private static double lookup(double[] table, double code) {
        int c = (int) code;
        return c >= 0 && c < table.length && c == code ? table[c] : UNSEEN;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureEncoder e && Arrays.deepEquals(ranks, e.ranks);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(ranks);
    }
}
