package gatewatch.sensor.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gatewatch.sensor.metrics.QueueView;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class HealthTest {
    /** A queue whose drop count a test moves. */
    private record Queue(String name, AtomicLong drops) implements QueueView {
        public int depth() {
            return 1000;
        }

        public int capacity() {
            return 1024;
        }

        public long offered() {
            return 0;
        }

        public long dropped() {
            return drops.get();
        }
    }

    @Test
    void aReasonIsOneLineAndNotEmpty() {
        assertThat(Health.unhealthy("  a\r\n  b\n").reason()).isEqualTo("a; b");
        assertThatThrownBy(() -> Health.unhealthy(" \n")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void allAnswersTheFirstUnhealthyCheckInOrder() {
        Supplier<Health> capture = () -> Health.unhealthy("capture thread stopped");
        Supplier<Health> queues = () -> Health.unhealthy("queue records dropping");
        assertThat(Health.all(List.of(() -> Health.OK, capture, queues)).get().reason()).isEqualTo("capture thread stopped");
        assertThat(Health.all(List.of(() -> Health.OK)).get()).isEqualTo(Health.OK);
    }

    @Test
    void queueDropsAreUnhealthyOnlyWhileTheCountGrows() {
        AtomicLong drops = new AtomicLong(7); // drops before the check was made do not count
        QueueDropCheck check = new QueueDropCheck(List.of(new Queue("verdicts", new AtomicLong()), new Queue("records", drops)));
        assertThat(check.get().healthy()).isTrue();

        drops.addAndGet(3);
        Health h = check.get();
        assertThat(h.healthy()).isFalse();
        assertThat(h.reason()).isEqualTo("queue records dropped 3 items since the last check (1000 of 1024 in use)");

        assertThat(check.get().healthy()).isTrue();
    }
}
