package gatewatch.features.window;

/** The one rule of backward-shift deletion shared by the open-addressing tables here. */
final class LinearProbing {
    private LinearProbing() {
    }

    /**
     * Whether the entry at {@code next}, whose home slot is {@code home}, may move into the hole
     * at {@code hole}: not when its home lies cyclically in {@code (hole, next]}, for then it would
     * be moved in front of its home and never found.
     */
    static boolean canFill(int hole, int next, int home) {
        return hole <= next ? (home <= hole || home > next) : (home <= hole && home > next);
    }
}
