package gatewatch.features.kdd;

import java.util.Locale;

/**
 * Reads and writes rows in the {@code kddcup.data} layout: 41 comma-separated features in
 * {@code kddcup.names} order, optionally followed by a label (KDD'99 ends it with a period) and,
 * in NSL-KDD files, a difficulty level.
 */
public final class KddCsv {
    private static final long[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

    private KddCsv() {
    }

    /** A parsed row: the features, the label without its trailing period (or null), and NSL-KDD's difficulty (or -1). */
    public record Row(KddRecord record, String label, int difficulty) {
    }

    /**
     * Parses one row.
     *
     * @throws KddFormatException naming the column when a field is missing, not a number, or an
     *     unknown symbol
     */
    public static Row parse(String line) {
        String[] f = line.split(",", -1);
        if (f.length < KddFeature.COUNT_OF_FEATURES) {
            throw new KddFormatException("expected at least 41 comma-separated fields, got " + f.length);
        }
        if (f.length > KddFeature.COUNT_OF_FEATURES + 2) {
            throw new KddFormatException("expected at most 43 fields (41 features, label, difficulty), got " + f.length);
        }
        double[] v = new double[KddFeature.COUNT_OF_FEATURES];
        KddFeature[] features = KddFeature.values();
        for (int i = 0; i < features.length; i++) {
            v[i] = parseField(features[i], f[i].trim());
        }
        String label = null;
        int difficulty = -1;
        if (f.length > KddFeature.COUNT_OF_FEATURES) {
            label = f[KddFeature.COUNT_OF_FEATURES].trim();
            if (label.endsWith(".")) {
                label = label.substring(0, label.length() - 1);
            }
        }
        if (f.length > KddFeature.COUNT_OF_FEATURES + 1) {
            try {
                difficulty = Integer.parseInt(f[KddFeature.COUNT_OF_FEATURES + 1].trim());
            } catch (NumberFormatException e) {
                throw new KddFormatException("difficulty: not an integer: '" + f[KddFeature.COUNT_OF_FEATURES + 1] + "'");
            }
        }
        return new Row(KddRecord.of(v), label, difficulty);
    }

    private static double parseField(KddFeature feature, String s) {
        switch (feature) {
            case PROTOCOL_TYPE -> {
                ProtocolType p = ProtocolType.ofKddName(s);
                if (p == null) {
                    throw new KddFormatException(feature.kddName() + ": unknown symbol '" + s + "'");
                }
                return p.ordinal();
            }
            case SERVICE -> {
                Service sv = Service.ofKddName(s);
                if (sv == null) {
                    throw new KddFormatException(feature.kddName() + ": unknown symbol '" + s + "'");
                }
                return sv.ordinal();
            }
            case FLAG -> {
                KddFlag fl = KddFlag.ofKddName(s);
                if (fl == null) {
                    throw new KddFormatException(feature.kddName() + ": unknown symbol '" + s + "'");
                }
                return fl.ordinal();
            }
            default -> {
                try {
                    double d = Double.parseDouble(s);
                    if (!Double.isFinite(d) || d < 0) {
                        throw new KddFormatException(feature.kddName() + ": not a finite non-negative number: '" + s + "'");
                    }
                    return d;
                } catch (NumberFormatException e) {
                    throw new KddFormatException(feature.kddName() + ": not a number: '" + s + "'");
                }
            }
        }
    }

    /** Appends the 41 feature columns of {@code r} as the original files spell them. */
    public static void appendFeatures(KddRecord r, StringBuilder sb) {
        KddFeature[] features = KddFeature.values();
        for (int i = 0; i < features.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            appendValue(features[i], r.get(i), sb);
        }
    }

    /** Appends one value: symbols by name, rates with two decimals, counts as integers. */
    public static void appendValue(KddFeature feature, double value, StringBuilder sb) {
        switch (feature) {
            case PROTOCOL_TYPE -> sb.append(ProtocolType.values()[(int) value].kddName());
            case SERVICE -> sb.append(Service.values()[(int) value].kddName());
            case FLAG -> sb.append(KddFlag.values()[(int) value].kddName());
            default -> {
                if (isRate(feature)) {
                    appendTwoDecimals(value, sb);
                } else if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                    appendWhole((long) value, sb);
                } else {
                    sb.append(value);
                }
            }
        }
    }

    /** {@code value} rounded half-up to two decimals, as {@code %.2f} writes it, without a Formatter per value. */
    public static void appendTwoDecimals(double value, StringBuilder sb) {
        appendDecimals(value, 2, sb);
    }

    /**
     * {@code value} rounded half-up to {@code decimals} (0 to 6) decimals, as {@code %.Nf} writes it
     * (a minus sign only when something non-zero is left of it: {@code -0.004} is {@code 0.00}),
     * without a Formatter per value. The one formatter of gatewatch's fractions: KDD rates in the
     * files and in JSON, the verdicts' confidence and anomaly score.
     */
    public static void appendDecimals(double value, int decimals, StringBuilder sb) {
        long scale = POWERS_OF_TEN[decimals];
        if (!(Math.abs(value) * scale < 1e14)) {
            sb.append(String.format(Locale.ROOT, "%." + decimals + "f", value));
            return;
        }
        long units = roundedUnits(value, decimals);
        appendFixed(value < 0 ? -units : units, decimals, sb);
    }

    /**
     * {@code units} / 10^{@code decimals} exactly, with {@code decimals} (0 to 6) decimals:
     * {@code appendFixed(-1500, 6)} is {@code -0.001500}. Durations and counts in scaled units.
     */
    public static void appendFixed(long units, int decimals, StringBuilder sb) {
        if (units < 0) {
            sb.append('-');
            units = -units;
        }
        long scale = POWERS_OF_TEN[decimals];
        appendWhole(units / scale, sb);
        if (decimals > 0) {
            sb.append('.');
            long frac = units % scale;
            for (long p = scale / 10; p > frac && p > 1; p /= 10) {
                sb.append('0');
            }
            appendWhole(frac, sb);
        }
    }

    /**
     * {@code v} in decimal, as {@code StringBuilder.append(long)} writes it. Most values of a row
     * are a single digit (counts and flags of 0 or 1, the whole part of a rate): one char for
     * them, not the digit counting and conversion of a long, which took an eighth of the capture
     * thread of {@code gatewatch features}.
     */
    private static void appendWhole(long v, StringBuilder sb) {
        if (v >= 0 && v < 10) {
            sb.append((char) ('0' + v));
        } else {
            sb.append(v);
        }
    }

    /**
     * |{@code value}| in units of 10^-{@code decimals}, rounded half-up as {@link #appendDecimals}
     * rounds it: {@code roundedUnits(0.575, 2)} is 58. For |value| × 10^decimals below 10^14.
     */
    public static long roundedUnits(double value, int decimals) {
        // Formatter rounds the shortest decimal form (0.575 -> 0.58) where value * 100 alone would give 57.4999...
        return (long) Math.floor(Math.abs(value) * POWERS_OF_TEN[decimals] + 0.5 + 1e-9);
    }

    /** True for the features the files write as a fraction with two decimals. */
    public static boolean isRate(KddFeature feature) {
        return feature.kddName().endsWith("_rate");
    }

    /** The header line of {@code --extended} output for the 41 features. */
    public static String featureHeader() {
        StringBuilder sb = new StringBuilder();
        for (KddFeature f : KddFeature.values()) {
            if (!sb.isEmpty()) {
                sb.append(',');
            }
            sb.append(f.kddName());
        }
        return sb.toString();
    }
}
