package gatewatch.sensor.metrics;

/**
 * What the metrics and health check read of a bounded queue between two pipeline threads.
 * Every method is called from the scrape thread while the queue is in use, so each must be safe
 * to call from any thread (a slightly stale value is fine).
 */
public interface QueueView {
    /** The queue's tag value: a fixed name such as {@code records} or {@code verdicts}. */
    String name();

    /** Items in the queue now. */
    int depth();

    /** The most items it holds. */
    int capacity();

    /** Items offered to it since start, taken or not. */
    long offered();

    /** Items turned away because it was full (live capture drops and counts; replay blocks). */
    long dropped();
}
