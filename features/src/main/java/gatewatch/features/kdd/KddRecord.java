package gatewatch.features.kdd;

import java.util.Arrays;

/**
 * One connection's 41 KDD features, in {@link KddFeature} order.
 *
 * <p>Symbolic features hold the ordinal of their {@link ProtocolType}, {@link Service} or
 * {@link KddFlag}; the others hold their numeric value. This is the vector the detector scores,
 * so a record read from {@code kddcup.data} and one extracted from a capture are the same thing.
 * Immutable: the array is copied in (or adopted from a producer that lets go of it) and never
 * handed out.
 */
public final class KddRecord {
    private final double[] values;

    private KddRecord(double[] values) {
        this.values = values;
    }

    /** A record of a copy of {@code values}, which must hold exactly 41 values. */
    public static KddRecord of(double[] values) {
        return adopt(values.clone());
    }

    /**
     * A record that takes {@code values} itself instead of a copy: for a producer that fills a
     * fresh array per record and never touches it again (the window stage, once per connection),
     * which saves a 41-value copy on every record. The caller must not write to the array after.
     */
    public static KddRecord adopt(double[] values) {
        if (values.length != KddFeature.COUNT_OF_FEATURES) {
            throw new IllegalArgumentException("a KDD record has 41 features, got " + values.length);
        }
        return new KddRecord(values);
    }

    public double get(KddFeature feature) {
        return values[feature.ordinal()];
    }

    public double get(int index) {
        return values[index];
    }

    /** Copies the 41 values into {@code dst} from {@code offset}. */
    public void copyInto(double[] dst, int offset) {
        System.arraycopy(values, 0, dst, offset, values.length);
    }

    public double[] toArray() {
        return values.clone();
    }

    public ProtocolType protocol() {
        return ProtocolType.values()[(int) values[KddFeature.PROTOCOL_TYPE.ordinal()]];
    }

    public Service service() {
        return Service.values()[(int) values[KddFeature.SERVICE.ordinal()]];
    }

    public KddFlag flag() {
        return KddFlag.values()[(int) values[KddFeature.FLAG.ordinal()]];
    }

    /** The 41 columns of a {@code kddcup.data} row, without a label. */
    public String toKddCsv() {
        StringBuilder sb = new StringBuilder(160);
        KddCsv.appendFeatures(this, sb);
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KddRecord r && Arrays.equals(values, r.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return toKddCsv();
    }
}
