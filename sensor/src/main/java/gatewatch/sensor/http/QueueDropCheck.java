package gatewatch.sensor.http;

import gatewatch.sensor.metrics.QueueView;
import java.util.List;
import java.util.function.Supplier;

/**
 * Unhealthy while a queue is dropping: when any queue's {@code dropped} count grew since the
 * previous call. A probe that asks every few seconds thus sees 503 for as long as records are
 * being lost, and 200 again once the queues keep up, without a clock in here.
 *
 * <p>Callable from any thread; calls are serialised because each compares with the one before.
 */
public final class QueueDropCheck implements Supplier<Health> {
    private final List<QueueView> queues;
    private final long[] lastDropped;

    public QueueDropCheck(List<? extends QueueView> queues) {
        this.queues = List.copyOf(queues);
        this.lastDropped = new long[this.queues.size()];
        for (int i = 0; i < lastDropped.length; i++) {
            lastDropped[i] = this.queues.get(i).dropped();
        }
    }

    @Override
    public synchronized Health get() {
        Health answer = Health.OK;
        for (int i = 0; i < lastDropped.length; i++) {
            QueueView q = queues.get(i);
            long now = q.dropped();
            long grew = now - lastDropped[i];
            lastDropped[i] = now;
            if (grew > 0 && answer.healthy()) {
                answer = Health.unhealthy("queue " + q.name() + " dropped " + grew + " items since the last check ("
                        + q.depth() + " of " + q.capacity() + " in use)");
            }
        }
        return answer;
    }
}
