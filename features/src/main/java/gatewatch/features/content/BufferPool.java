package gatewatch.features.content;

/**
 * Reorder buffers of one size, made on first need and reused; never more than {@code limit}.
 * Capture thread only.
 */
final class BufferPool {
    private final int size;
    private final byte[][] free;
    private int freeCount;
    private int made;

    BufferPool(int size, int limit) {
        this.size = size;
        this.free = new byte[limit][];
    }

    /** A buffer, or null when the size is 0 or every buffer is out. */
    byte[] take() {
        if (size == 0) {
            return null;
        }
        if (freeCount > 0) {
            byte[] b = free[--freeCount];
            free[freeCount] = null;
            return b;
        }
        if (made == free.length) {
            return null;
        }
        made++;
        return new byte[size];
    }

    void give(byte[] b) {
        free[freeCount++] = b;
    }

    /** Buffers made so far (each {@code size} bytes). */
    int made() {
        return made;
    }
}
