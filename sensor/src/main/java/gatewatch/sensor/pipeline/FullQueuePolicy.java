package gatewatch.sensor.pipeline;

/**
 * What a stage does when the queue to the next stage is full. Explicit and counted, never silent.
 */
public enum FullQueuePolicy {
    /** Wait for room: replay, where the input can be paused and nothing must be lost. */
    BLOCK,
    /** Drop the item and count it: live capture, where waiting would drop packets in the kernel instead. */
    DROP
}
