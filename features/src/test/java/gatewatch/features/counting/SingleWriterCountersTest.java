package gatewatch.features.counting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SingleWriterCountersTest {
    private final SingleWriterCounters c = new SingleWriterCounters(3);

    @Test
    void countersAreIndependent() {
        c.increment(0);
        c.increment(0);
        c.add(2, 40);
        assertThat(c.get(0)).isEqualTo(2);
        assertThat(c.get(1)).isZero();
        assertThat(c.get(2)).isEqualTo(40);
        assertThat(c.sum()).isEqualTo(42);
    }

    @Test
    void maxKeepsTheHighWaterMark() {
        c.max(1, 7);
        c.max(1, 3);
        assertThat(c.get(1)).isEqualTo(7);
        c.max(1, 9);
        assertThat(c.get(1)).isEqualTo(9);
    }

    @Test
    void aReaderThreadSeesTheWritersFinalCounts() throws InterruptedException {
        Thread writer = Thread.ofPlatform().start(() -> {
            for (int i = 0; i < 100_000; i++) {
                c.increment(0);
                c.add(1, 2);
            }
        });
        writer.join();
        assertThat(c.get(0)).isEqualTo(100_000);
        assertThat(c.get(1)).isEqualTo(200_000);
    }
}
