package gatewatch.sensor.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import gatewatch.features.kdd.KddCsv;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The values as JSON are the text of the one formatter, whichever way they are written. */
class JsonValuesTest {
    private final JsonLines lines = new JsonLines();
    private final JsonValues values = new JsonValues();

    private interface Write {
        void to(JsonGenerator g) throws IOException;
    }

    private String json(Write w) throws IOException {
        w.to(lines.generator());
        return new String(lines.take(), StandardCharsets.UTF_8);
    }

    private static String formatted(double v, int decimals) {
        StringBuilder sb = new StringBuilder();
        KddCsv.appendDecimals(v, decimals, sb);
        return sb.toString();
    }

    @Test
    void roundedIsTheSharedFormatterInAndOutsideTheUnitInterval() throws IOException {
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < 50_000; i++) {
            // Exact hundredths and halves between them (pre-encoded in [0, 1]), then any double around it.
            double v = switch (i % 3) {
                case 0 -> (i % 101) / 100.0;
                case 1 -> (i % 100) / 100.0 + 0.005;
                default -> r.nextDouble(-1.5, 2.5);
            };
            for (int decimals : new int[] {2, 4}) {
                assertThat(json(g -> values.rounded(g, v, decimals))).as("%s, %d decimals", v, decimals)
                        .isEqualTo(formatted(v, decimals));
            }
        }
        assertThat(json(g -> values.rounded(g, 0.575, 2))).isEqualTo("0.58");
        assertThat(json(g -> values.rounded(g, -0.25, 2))).isEqualTo("-0.25");
        assertThat(json(g -> values.rounded(g, 12.345, 2))).isEqualTo("12.35");
        assertThat(json(g -> values.rounded(g, Double.NaN, 2))).isEqualTo("\"NaN\"");
    }

    @Test
    void fixedIsExact() throws IOException {
        assertThat(json(g -> values.fixed(g, 1_500, 6))).isEqualTo("0.001500");
        assertThat(json(g -> values.fixed(g, 0, 6))).isEqualTo("0.000000");
        assertThat(json(g -> values.fixed(g, 60_000, 3))).isEqualTo("60.000");
        assertThat(json(g -> values.fixed(g, 1_234_567_890_123_456L, 6))).isEqualTo("1234567890.123456");
        assertThat(json(g -> values.fixed(g, -5, 3))).isEqualTo("-0.005");
        assertThat(json(g -> values.fixed(g, 7, 0))).isEqualTo("7");
    }

    @Test
    void timestampIsAQuotedIsoString() throws IOException {
        assertThat(json(g -> values.timestamp(g, 1_700_000_000_123_456_789L))).isEqualTo("\"2023-11-14T22:13:20.123456Z\"");
    }
}
