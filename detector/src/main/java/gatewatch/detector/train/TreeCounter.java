package gatewatch.detector.train;

import java.util.concurrent.atomic.AtomicInteger;
import smile.util.IterativeAlgorithmController;

/**
 * Smile's per-tree hook, turned into {@link TrainingProgress#tree} calls. Smile's own controller
 * hands statuses to a thread pool it creates; this one reports on the training thread instead and
 * never asks Smile to stop, so the trees are exactly those trained without it.
 */
final class TreeCounter<T> extends IterativeAlgorithmController<T> {
    private final TrainingProgress progress;
    private final TrainingProgress.Stage stage;
    private final AtomicInteger built = new AtomicInteger();

    TreeCounter(TrainingProgress progress, TrainingProgress.Stage stage) {
        super(Runnable::run, 1);
        this.progress = progress;
        this.stage = stage;
    }

    @Override
    public void submit(T status) {
        progress.tree(stage, built.incrementAndGet());
    }
}
