package gatewatch.features.content;

/**
 * Bounds of the content stage.
 *
 * @param streamBudgetBytes   bytes of each direction of a connection that are reassembled and
 *     parsed (the stream's first bytes); later bytes are dropped and counted. Bounds CPU, not memory.
 * @param reorderWindowBytes  out-of-order bytes held per direction while a hole waits to be filled;
 *     the only per-connection buffer, taken from a pool when a hole first appears
 * @param maxInspected        connections inspected at once; a connection opened while all are in
 *     use gets zeros and is counted
 */
public record ContentConfig(int streamBudgetBytes, int reorderWindowBytes, int maxInspected) {
    /** Enough for a login dialogue and a long interactive session's commands. */
    public static final int DEFAULT_STREAM_BUDGET = 256 * 1024;
    /** A few full-size segments: covers reordering and one lost segment on a LAN. */
    public static final int DEFAULT_REORDER_WINDOW = 8 * 1024;
    public static final int DEFAULT_MAX_INSPECTED = 4096;

    public ContentConfig {
        if (streamBudgetBytes < 1) {
            throw new IllegalArgumentException("streamBudgetBytes must be positive, got " + streamBudgetBytes);
        }
        if (reorderWindowBytes < 0) {
            throw new IllegalArgumentException("reorderWindowBytes must not be negative, got " + reorderWindowBytes);
        }
        if (maxInspected < 1) {
            throw new IllegalArgumentException("maxInspected must be positive, got " + maxInspected);
        }
    }

    public static ContentConfig defaults() {
        return new ContentConfig(DEFAULT_STREAM_BUDGET, DEFAULT_REORDER_WINDOW, DEFAULT_MAX_INSPECTED);
    }
}
