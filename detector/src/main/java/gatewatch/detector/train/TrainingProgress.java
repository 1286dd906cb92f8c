package gatewatch.detector.train;

/**
 * What training reports while it runs: each stage as it starts, and each tree as it is built.
 * Reporting never changes what is trained (the trees, their seeds and their order are the same
 * with any listener).
 */
public interface TrainingProgress {
    /** The stages of {@code gatewatch train}, in order. */
    enum Stage {
        READ("reading data"),
        DEDUPE("removing repeated rows"),
        ENCODE("encoding features"),
        FOREST("label forest"),
        BOOST("category boost"),
        BASELINE("baseline isolation forest"),
        THRESHOLD("anomaly threshold folds"),
        COMPILE("compiling and checking");

        private final String title;

        Stage(String title) {
            this.title = title;
        }

        /** How the stage is named to a user. */
        public String title() {
            return title;
        }
    }

    /** Reports nothing. */
    TrainingProgress NONE = new TrainingProgress() {
        @Override
        public void stage(Stage stage, int trees) {
        }

        @Override
        public void tree(Stage stage, int built) {
        }
    };

    /** {@code stage} starts; it builds {@code trees} trees (0 for a stage without trees). */
    void stage(Stage stage, int trees);

    /**
     * The {@code built}-th tree of {@code stage} is done (the boost counts rounds, one tree per
     * category each). Called from Smile's worker threads for the forest, whose trees grow in parallel.
     */
    void tree(Stage stage, int built);

    /** Training is over. */
    default void done() {
    }
}
