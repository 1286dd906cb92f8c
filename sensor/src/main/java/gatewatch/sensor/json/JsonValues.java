package gatewatch.sensor.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import gatewatch.features.kdd.KddCsv;
import java.io.IOException;

/**
 * The values every gatewatch JSON writes one way: times as ISO-8601 strings in UTC with
 * microseconds (Suricata's {@code timestamp}), fractions rounded half-up to a fixed number of
 * decimals by the one formatter ({@link KddCsv#appendDecimals}: {@code 0.58}, not
 * {@code 0.57999999}), and exact decimals of integer units (a duration in microseconds,
 * {@link KddCsv#appendFixed}). Written into the generator from a scratch buffer, so that no
 * value allocates.
 *
 * <p>For generators over bytes ({@link JsonLines}). One instance per thread.
 */
public final class JsonValues {
    /**
     * The 101 two-decimal values from 0.00 to 1.00, pre-encoded: 19 of the 41 features are rates,
     * almost always in [0, 1], and formatting each one took a third of an alert line's time.
     */
    private static final SerializableString[] HUNDREDTHS = new SerializableString[101];

    static {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k <= 100; k++) {
            sb.setLength(0);
            KddCsv.appendDecimals(k / 100.0, 2, sb);
            HUNDREDTHS[k] = new SerializedString(sb.toString());
        }
    }

    private final char[] chars = new char[64];
    private final byte[] time = new byte[IsoTimestamp.LENGTH];
    private final StringBuilder text = new StringBuilder(64);

    /** An ISO-8601 timestamp string, e.g. {@code "2026-11-22T00:43:07.123456Z"}. */
    public void timestamp(JsonGenerator g, long epochNanos) throws IOException {
        IsoTimestamp.format(epochNanos, time);
        g.writeRawUTF8String(time, 0, IsoTimestamp.LENGTH); // digits and separators: nothing to escape
    }

    /**
     * {@code v} rounded half-up to {@code decimals} decimals, as a number ({@code 0.9900}, not
     * {@code 0.99}: the width says the precision). NaN and the infinities, which no feature or
     * score should be, are written as Jackson writes them (strings), so a line stays valid JSON.
     */
    public void rounded(JsonGenerator g, double v, int decimals) throws IOException {
        if (decimals == 2 && v >= 0 && v <= 1) {
            g.writeRawValue(HUNDREDTHS[(int) KddCsv.roundedUnits(v, 2)]);
            return;
        }
        if (!Double.isFinite(v)) {
            g.writeNumber(v);
            return;
        }
        text.setLength(0);
        KddCsv.appendDecimals(v, decimals, text);
        writeText(g);
    }

    /** {@code units} / 10^{@code decimals} exactly, as a number ({@link KddCsv#appendFixed}): {@code fixed(g, 1500, 6)} is {@code 0.001500}. */
    public void fixed(JsonGenerator g, long units, int decimals) throws IOException {
        text.setLength(0);
        KddCsv.appendFixed(units, decimals, text);
        writeText(g);
    }

    private void writeText(JsonGenerator g) throws IOException {
        int n = text.length();
        text.getChars(0, n, chars, 0);
        g.writeNumber(chars, 0, n);
    }
}
