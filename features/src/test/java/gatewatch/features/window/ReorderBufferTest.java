package gatewatch.features.window;

import static org.assertj.core.api.Assertions.assertThat;

import gatewatch.features.conn.ConnectionSummary;
import gatewatch.features.kdd.KddFlag;
import gatewatch.features.kdd.Service;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ReorderBufferTest {

    private record Entry(long start, long arrival, ConnectionSummary conn, double[] v) {
    }

    @Test
    void releasesByStartTimeThenArrivalLikeAPriorityQueue() {
        SplittableRandom rnd = new SplittableRandom(3);
        ReorderBuffer buf = new ReorderBuffer(100);
        PriorityQueue<Entry> ref = new PriorityQueue<>(
                Comparator.comparingLong(Entry::start).thenComparingLong(Entry::arrival));
        List<ConnectionSummary> released = new ArrayList<>();
        List<ConnectionSummary> expected = new ArrayList<>();
        for (long arrival = 0; arrival < 100_000; arrival++) {
            if (!buf.isFull() && (buf.isEmpty() || rnd.nextInt(5) < 3)) {
                long start = rnd.nextLong(50);
                ConnectionSummary c = Synthetic.of(start, start, 1, 1, 1, 80, 6,
                        Service.HTTP, KddFlag.SF);
                double[] v = new double[1];
                buf.offer(c, v, arrival, ~arrival, start, (int) arrival, (int) (arrival % 65536),
                        ErrorClass.values()[(int) (arrival % 3)]);
                ref.add(new Entry(start, arrival, c, v));
            } else {
                Entry e = ref.poll();
                assertThat(buf.firstStart()).isEqualTo(e.start());
                assertThat(buf.firstFeatures()).isSameAs(e.v());
                // The window facts travel with their connection.
                assertThat(buf.firstHostHi()).isEqualTo(~e.arrival());
                assertThat(buf.firstHostLo()).isEqualTo(e.start());
                assertThat(buf.firstServiceKey()).isEqualTo((int) e.arrival());
                assertThat(buf.firstSrcPort()).isEqualTo((int) (e.arrival() % 65536));
                assertThat(buf.firstError()).isEqualTo(ErrorClass.values()[(int) (e.arrival() % 3)]);
                released.add(buf.firstConnection());
                expected.add(e.conn());
                buf.removeFirst();
            }
            assertThat(buf.size()).isEqualTo(ref.size());
        }
        assertThat(released).containsExactlyElementsOf(expected);
    }
}
