package gatewatch.sensor.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import gatewatch.features.kdd.KddCsv;
import gatewatch.features.kdd.KddFeature;
import gatewatch.features.kdd.KddRecord;
import java.io.IOException;

/**
 * Writes the 41 features as JSON fields, fast enough for a SYN flood where every packet becomes
 * an alert: names and symbols are pre-encoded, counts are written as integers and rates as the
 * two-decimal text of the KDD files, so no double goes through {@code Double.toString}.
 *
 * <p>One instance per thread (it reuses a small buffer).
 */
public final class FeatureJson {
    private static final KddFeature[] FEATURES = KddFeature.values();
    private static final SerializableString[] NAMES = new SerializableString[FEATURES.length];
    private static final SerializableString[][] SYMBOLS = new SerializableString[FEATURES.length][];

    static {
        for (KddFeature f : FEATURES) {
            NAMES[f.ordinal()] = new SerializedString(f.kddName());
            if (f.isSymbolic()) {
                SYMBOLS[f.ordinal()] = f.symbolNames().stream().map(SerializedString::new).toArray(SerializableString[]::new);
            }
        }
    }

    private final char[] number = new char[32];
    private final StringBuilder text = new StringBuilder(32);

    /** The 41 features as fields of the current object, by their {@code kddcup.names} names. */
    public void write(JsonGenerator g, KddRecord r) throws IOException {
        for (KddFeature f : FEATURES) {
            int i = f.ordinal();
            double v = r.get(i);
            g.writeFieldName(NAMES[i]);
            if (f.isSymbolic()) {
                g.writeString(SYMBOLS[i][(int) v]);
            } else if (KddCsv.isRate(f)) {
                writeRaw(g, v, 2);
            } else {
                g.writeNumber((long) v);
            }
        }
    }

    /** A non-negative number with {@code decimals} decimals (2 or 4), rounded half-up, as raw JSON. */
    public void writeRaw(JsonGenerator g, double v, int decimals) throws IOException {
        text.setLength(0);
        if (decimals == 2) {
            KddCsv.appendTwoDecimals(v, text);
        } else {
            long scaled = Math.round(Math.abs(v) * 10_000);
            if (v < 0 && scaled != 0) {
                text.append('-');
            }
            text.append(scaled / 10_000).append('.');
            String frac = Long.toString(scaled % 10_000);
            for (int k = frac.length(); k < 4; k++) {
                text.append('0');
            }
            text.append(frac);
        }
        int n = text.length();
        text.getChars(0, n, number, 0);
        g.writeRawValue(number, 0, n);
    }

    /** Nanoseconds as seconds with six decimals, as raw JSON (exact, no binary floating point). */
    public void writeSeconds(JsonGenerator g, long nanos) throws IOException {
        text.setLength(0);
        ExtendedCsvWriter.appendEpoch(nanos, text);
        int n = text.length();
        text.getChars(0, n, number, 0);
        g.writeRawValue(number, 0, n);
    }
}
