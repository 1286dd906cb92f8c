package gatewatch.sensor.alert;

import static org.assertj.core.api.Assertions.assertThat;

import gatewatch.detector.model.Category;
import gatewatch.features.conn.IpAddress;
import gatewatch.sensor.alert.Suppression.Track;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertLimiterTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long T0 = 1_700_000_000L * SECOND;
    private static final IpAddress VICTIM = v4(10, 0, 0, 1);
    private static final IpAddress SCANNER = v4(192, 0, 2, 7);

    private final List<Suppression> closed = new ArrayList<>();

    private static IpAddress v4(int a, int b, int c, int d) {
        return new IpAddress(0, 0x0000_ffff_0000_0000L | ((long) a << 24) | ((long) b << 16) | ((long) c << 8) | d);
    }

    private static IpAddress host(int i) {
        return v4(198, 18, (i >>> 8) & 0xff, i & 0xff);
    }

    private static AlertLimit limit(int count, int seconds) {
        return new AlertLimit(count, Duration.ofSeconds(seconds), 1_000);
    }

    @Test
    void aSpoofedFloodIsCutByItsVictimAndSummarisedWhenTheWindowCloses() {
        AlertLimiter l = new AlertLimiter(limit(10, 60));
        int written = 0;
        for (int i = 0; i < 1_000; i++) { // 1,000 sources, one victim, over 50 s
            if (l.admit(host(i), VICTIM, Category.DOS, "neptune", T0 + i * SECOND / 20, closed::add)) {
                written++;
            }
        }
        assertThat(written).isEqualTo(10);
        assertThat(closed).isEmpty(); // the window is still open

        l.advance(T0 + 61 * SECOND, closed::add);
        assertThat(closed).singleElement().satisfies(s -> {
            assertThat(s.track()).isEqualTo(Track.BY_DEST);
            assertThat(s.address()).isEqualTo(VICTIM);
            assertThat(s.category()).isEqualTo(Category.DOS);
            assertThat(s.written()).isEqualTo(10);
            assertThat(s.suppressed()).isEqualTo(990);
            assertThat(s.labels()).containsExactly(java.util.Map.entry("neptune", 990L));
            assertThat(s.firstNanos()).isEqualTo(T0 + 10 * SECOND / 20);
            assertThat(s.lastNanos()).isEqualTo(T0 + 999 * SECOND / 20);
            assertThat(s.closedNanos()).isEqualTo(T0 + 60 * SECOND);
        });
        // The sources' windows closed too; with nothing suppressed they report nothing.
        assertThat(l.tracked()).isZero();
    }

    @Test
    void aSweepIsCutByItsScanner() {
        AlertLimiter l = new AlertLimiter(limit(5, 60));
        long written = 0;
        for (int i = 0; i < 256; i++) {
            written += l.admit(SCANNER, host(i), Category.PROBE, "ipsweep", T0 + i * SECOND / 100, closed::add) ? 1 : 0;
        }
        l.closeAll(closed::add);
        assertThat(written).isEqualTo(5);
        assertThat(closed).singleElement().satisfies(s -> {
            assertThat(s.track()).isEqualTo(Track.BY_SOURCE);
            assertThat(s.address()).isEqualTo(SCANNER);
            assertThat(s.suppressed()).isEqualTo(251);
            assertThat(s.closedNanos()).as("closed early, at the last connection seen").isEqualTo(T0 + 255 * SECOND / 100);
        });
    }

    @Test
    void eachWindowWritesItsCountAgainAndCategoriesAreKeptApart() {
        AlertLimiter l = new AlertLimiter(limit(3, 10));
        int dos = 0;
        int probe = 0;
        for (int s = 0; s < 35; s++) { // one alert of each category a second for 35 s: 4 windows
            dos += l.admit(SCANNER, VICTIM, Category.DOS, "neptune", T0 + s * SECOND, closed::add) ? 1 : 0;
            probe += l.admit(SCANNER, VICTIM, Category.PROBE, "satan", T0 + s * SECOND, closed::add) ? 1 : 0;
        }
        l.closeAll(closed::add);
        assertThat(dos).isEqualTo(3 * 4);
        assertThat(probe).isEqualTo(3 * 4);
        long suppressed = closed.stream().mapToLong(Suppression::suppressed).sum();
        assertThat(dos + probe + suppressed).as("every alert written or counted").isEqualTo(70);
        assertThat(closed).allSatisfy(s -> assertThat(s.track()).isEqualTo(Track.BY_DEST));
        assertThat(closed).hasSize(8); // 4 windows x 2 categories, each with alerts over the count
    }

    @Test
    void anAlertWhoseKeyCannotBeRememberedIsWrittenAndCounted() {
        AlertLimiter l = new AlertLimiter(new AlertLimit(1, Duration.ofSeconds(60), 4));
        int written = 0;
        for (int i = 0; i < 10; i++) { // ten victims, each from its own source: 20 keys, room for 4 a direction
            written += l.admit(host(100 + i), host(i), Category.DOS, "neptune", T0, closed::add) ? 1 : 0;
        }
        assertThat(written).isEqualTo(10);
        assertThat(l.untracked()).isEqualTo(6);
        assertThat(l.tracked()).isEqualTo(8);
    }

    @Test
    void offWritesEverything() {
        AlertLimiter l = new AlertLimiter(AlertLimit.OFF);
        for (int i = 0; i < 1_000; i++) {
            assertThat(l.admit(SCANNER, VICTIM, Category.DOS, "neptune", T0 + i, closed::add)).isTrue();
        }
        l.closeAll(closed::add);
        assertThat(closed).isEmpty();
        assertThat(l.tracked()).isZero();
    }

    @Test
    void windowStartIsNeverAfterTheFirstSuppressedAlertWhenConnectionsArriveOutOfOrder() {
        // Live: the clock has moved on (the wall clock, or a later connection), and half-open
        // connections that ended earlier are finished only when they time out.
        AlertLimiter l = new AlertLimiter(limit(2, 60));
        l.advance(T0 + 30 * SECOND, closed::add);
        for (int i = 0; i < 5; i++) {
            l.admit(host(i), VICTIM, Category.DOS, "neptune", T0 + i * SECOND, closed::add);
        }
        l.advance(T0 + 200 * SECOND, closed::add);
        assertThat(closed).singleElement().satisfies(s -> {
            assertThat(s.suppressed()).isEqualTo(3);
            assertThat(s.firstNanos()).isEqualTo(T0 + 2 * SECOND);
            assertThat(s.windowStart()).isLessThanOrEqualTo(s.firstNanos()).isEqualTo(T0);
        });
    }

    @Test
    void firstIsTheEarliestSuppressedAlertEvenWhenALaterOneCameFirst() {
        AlertLimiter l = new AlertLimiter(limit(1, 60));
        l.admit(host(0), VICTIM, Category.DOS, "neptune", T0 + 10 * SECOND, closed::add);
        l.admit(host(1), VICTIM, Category.DOS, "neptune", T0 + 12 * SECOND, closed::add);
        l.admit(host(2), VICTIM, Category.DOS, "neptune", T0 + 5 * SECOND, closed::add);
        l.closeAll(closed::add);
        assertThat(closed).singleElement().satisfies(s -> {
            assertThat(s.firstNanos()).isEqualTo(T0 + 5 * SECOND);
            assertThat(s.lastNanos()).isEqualTo(T0 + 12 * SECOND);
            assertThat(s.windowStart()).isEqualTo(T0 + 5 * SECOND);
        });
    }
}
