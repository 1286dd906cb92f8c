package gatewatch.sensor.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IsoTimestampTest {
    private static final DateTimeFormatter REFERENCE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSX").withZone(ZoneOffset.UTC);

    @Test
    void agreesWithTheJdkFormatterAcrossCenturies() {
        SplittableRandom r = new SplittableRandom(3);
        long[] fixed = {0L, 1L, 999L, 1_000L, 86_399_999_999_999L, 951_782_400_000_000_000L /* 2000-02-29 */,
            4_102_444_800_000_000_000L /* 2100-01-01 */};
        for (long n : fixed) {
            assertThat(IsoTimestamp.format(n)).isEqualTo(REFERENCE.format(Instant.ofEpochSecond(0, n).truncatedTo(ChronoUnit.MICROS)));
        }
        for (int i = 0; i < 100_000; i++) {
            long n = r.nextLong(0, 4_102_444_800_000_000_000L);
            assertThat(IsoTimestamp.format(n)).isEqualTo(REFERENCE.format(Instant.ofEpochSecond(0, n).truncatedTo(ChronoUnit.MICROS)));
        }
    }
}
