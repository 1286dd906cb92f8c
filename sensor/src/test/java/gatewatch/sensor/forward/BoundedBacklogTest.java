package gatewatch.sensor.forward;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

class BoundedBacklogTest {

    @Test
    void refusesBeyondItsCapacityUntilRoomIsReleased() {
        List<Runnable> tasks = new ArrayList<>();
        Executor loop = tasks::add;
        int[] wakeups = {0};
        BoundedBacklog backlog = new BoundedBacklog(2, loop, () -> wakeups[0]++);
        assertThat(backlog.tryAdd(TestAlerts.alert(1))).isTrue();
        assertThat(backlog.tryAdd(TestAlerts.alert(2))).isTrue();
        assertThat(backlog.tryAdd(TestAlerts.alert(3))).isFalse();
        assertThat(tasks).hasSize(1); // one wake-up for a burst
        tasks.getFirst().run();
        assertThat(wakeups[0]).isEqualTo(1);

        assertThat(backlog.pollNew().json()).contains("\"id\":1");
        assertThat(backlog.depth()).isEqualTo(2); // taken out is not delivered
        backlog.release(1);
        assertThat(backlog.tryAdd(TestAlerts.alert(4))).isTrue();
        backlog.close();
        backlog.release(2);
        assertThat(backlog.tryAdd(TestAlerts.alert(5))).isFalse();
    }

    @Test
    void backoffDoublesWithJitterUpToItsCap() {
        Backoff b = new Backoff(java.time.Duration.ofMillis(100), java.time.Duration.ofMillis(1000),
                new java.util.SplittableRandom(1));
        long[] d = new long[8];
        for (int i = 0; i < d.length; i++) {
            d[i] = b.nextDelayMillis();
        }
        assertThat(d[0]).isBetween(50L, 100L);
        assertThat(d[1]).isBetween(100L, 200L);
        assertThat(d[2]).isBetween(200L, 400L);
        assertThat(d[7]).isBetween(500L, 1000L);
        b.reset();
        assertThat(b.nextDelayMillis()).isBetween(50L, 100L);
    }
}
