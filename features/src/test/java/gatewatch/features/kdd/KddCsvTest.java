package gatewatch.features.kdd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gatewatch.features.testing.SharedData;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class KddCsvTest {

    @Test
    void everyTrainingRowRoundTripsByteForByte() throws Exception {
        var file = SharedData.require("data/kddcup.data_10_percent.gz");
        int rows = 0;
        try (var in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.US_ASCII))) {
            String line;
            while ((line = in.readLine()) != null) {
                KddCsv.Row row = KddCsv.parse(line);
                String features = line.substring(0, line.lastIndexOf(','));
                assertThat(row.record().toKddCsv()).isEqualTo(features);
                rows++;
            }
        }
        assertThat(rows).isEqualTo(494_021);
    }

    @Test
    void readsNslKddLabelAndDifficulty() {
        String line = "0,tcp,ftp_data,SF,491,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,2,2,0.00,0.00,0.00,0.00,1.00,0.00,0.00,"
                + "150,25,0.17,0.03,0.17,0.00,0.00,0.00,0.05,0.00,normal,20";
        KddCsv.Row row = KddCsv.parse(line);
        assertThat(row.label()).isEqualTo("normal");
        assertThat(row.difficulty()).isEqualTo(20);
        assertThat(row.record().service()).isEqualTo(Service.FTP_DATA);
        assertThat(row.record().get(KddFeature.DST_HOST_COUNT)).isEqualTo(150.0);
    }

    @Test
    void unknownSymbolNamesTheColumn() {
        String line = "0,tcp,gopherx,SF,491,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,2,2,0.00,0.00,0.00,0.00,1.00,0.00,0.00,"
                + "150,25,0.17,0.03,0.17,0.00,0.00,0.00,0.05,0.00,normal.";
        assertThatThrownBy(() -> KddCsv.parse(line))
                .isInstanceOf(KddFormatException.class)
                .hasMessageContaining("service")
                .hasMessageContaining("gopherx");
    }

    @Test
    void ratesAreWrittenAsPercentTwoFWould() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            int num = r.nextInt(0, 512);
            int den = r.nextInt(1, 512);
            double v = Math.min(1.0, (double) num / den);
            StringBuilder sb = new StringBuilder();
            KddCsv.appendTwoDecimals(v, sb);
            assertThat(sb.toString()).as("%d/%d", num, den).isEqualTo(String.format(java.util.Locale.ROOT, "%.2f", v));
        }
    }

    /** Confidences and anomaly scores: four decimals, either sign, including halves Math.round gets wrong (0.00145). */
    @Test
    void fourDecimalsAndSignsAreWrittenAsPercentFourFWould() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(11);
        for (int i = 0; i < 200_000; i++) {
            double v = i % 2 == 0 ? r.nextDouble(-2, 2) : Double.parseDouble(String.format(java.util.Locale.ROOT, "%.5f", r.nextDouble(-1, 1)));
            StringBuilder sb = new StringBuilder();
            KddCsv.appendDecimals(v, 4, sb);
            String expected = String.format(java.util.Locale.ROOT, "%.4f", v);
            // %.4f keeps the sign of a negative that rounds to zero ("-0.0000"); gatewatch writes no negative zero.
            assertThat(sb.toString()).as("%s", v).isEqualTo(expected.equals("-0.0000") ? "0.0000" : expected);
        }
        StringBuilder sb = new StringBuilder();
        KddCsv.appendDecimals(0.00145, 4, sb);
        sb.append(' ');
        KddCsv.appendDecimals(-0.25, 2, sb);
        sb.append(' ');
        KddCsv.appendDecimals(-0.004, 2, sb);
        assertThat(sb.toString()).isEqualTo("0.0015 -0.25 0.00");
    }

    /** Counts as Long.toString writes them, across the one-digit shortcut's edges; fixed-point parts too. */
    @Test
    void wholeNumbersAndFixedPointAreWrittenAsLongToStringWould() {
        long[] values = {-999_999_999_999_999L, -10, -9, -1, 0, 1, 9, 10, 11, 99, 100, 65_535, 999_999_999_999_999L};
        for (long v : values) {
            StringBuilder sb = new StringBuilder();
            KddCsv.appendValue(KddFeature.SRC_BYTES, v, sb);
            assertThat(sb.toString()).isEqualTo(Long.toString(v));
            for (int decimals = 0; decimals <= 6; decimals++) {
                StringBuilder fixed = new StringBuilder();
                KddCsv.appendFixed(v, decimals, fixed);
                assertThat(fixed.toString()).as("%d at %d decimals", v, decimals)
                        .isEqualTo(new java.math.BigDecimal(v).movePointLeft(decimals).toPlainString());
            }
        }
    }

    @Test
    void shortRowIsRefused() {
        assertThatThrownBy(() -> KddCsv.parse("0,tcp,http"))
                .isInstanceOf(KddFormatException.class)
                .hasMessageContaining("41");
    }

    @Test
    void schemaHashIsStableAndCoversSymbols() {
        assertThat(KddSchema.hash()).hasSize(64).isEqualTo(KddSchema.hash());
        assertThat(KddFeature.SERVICE.symbolNames()).contains("http", "private", "oth_i").hasSize(Service.values().length);
        assertThat(KddFeature.values()).hasSize(KddFeature.COUNT_OF_FEATURES);
    }
}
