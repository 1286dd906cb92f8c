package gatewatch.sensor.pipeline;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jctools.queues.atomic.SpscAtomicArrayQueue;

/**
 * A bounded single-producer single-consumer queue between two pipeline stages, with its
 * full-queue policy and counters. The producer is one thread, the consumer another; nothing else
 * touches it but the metrics, which read the counters and the depth.
 *
 * @param <T> the items; the end of the stream is a separate flag, not a marker item
 */
public final class StageQueue<T> {
    private final String name;
    private final SpscAtomicArrayQueue<T> queue;
    private final int capacity;
    private final FullQueuePolicy policy;
    private final IdleStrategy producerIdle = new IdleStrategy();
    private final AtomicLong offered = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean closed;
    private volatile boolean abandoned;

    public StageQueue(String name, int capacity, FullQueuePolicy policy) {
        if (capacity < 2) {
            throw new IllegalArgumentException("queue " + name + ": capacity must be at least 2, got " + capacity);
        }
        this.name = name;
        this.capacity = capacity;
        this.queue = new SpscAtomicArrayQueue<>(capacity);
        this.policy = policy;
    }

    /**
     * Producer side: adds an item, waiting for room (BLOCK) or dropping it and counting (DROP).
     * Returns false when the item was dropped.
     */
    public boolean put(T item) {
        offered.incrementAndGet();
        if (queue.offer(item)) {
            return true;
        }
        if (policy == FullQueuePolicy.DROP) {
            dropped.incrementAndGet();
            return false;
        }
        producerIdle.reset();
        while (!queue.offer(item)) {
            if (abandoned) {
                dropped.incrementAndGet();
                return false;
            }
            producerIdle.idle(0);
        }
        return true;
    }

    /** The consumer is gone (it failed): producers stop waiting and count what they drop. */
    public void abandon() {
        abandoned = true;
    }

    /** Producer side: no more items will come. */
    public void close() {
        closed = true;
    }

    /** Consumer side: hands up to {@code limit} items to {@code consumer}; returns how many. */
    public int drain(Consumer<T> consumer, int limit) {
        return queue.drain(consumer::accept, limit);
    }

    /** Consumer side: true once the producer closed the queue and every item has been taken. */
    public boolean isFinished() {
        return closed && queue.isEmpty();
    }

    public String name() {
        return name;
    }

    public int capacity() {
        return capacity;
    }

    public FullQueuePolicy policy() {
        return policy;
    }

    public int depth() {
        return queue.size();
    }

    public long offered() {
        return offered.get();
    }

    public long dropped() {
        return dropped.get();
    }
}
