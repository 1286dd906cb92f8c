package gatewatch.sensor.cli;

import gatewatch.detector.train.TrainingProgress;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Training progress on stderr: one line per stage with its trees counted up and its time. On a
 * terminal the line is rewritten in place as trees are built; elsewhere (a forced
 * {@code --progress} into a log) every tree gets its own line, since a log cannot rewrite one.
 */
final class TrainProgress implements TrainingProgress {
    private final PrintWriter err;
    private final boolean rewrite;
    private final LongSupplier nanoClock;
    private Stage stage;
    private int trees;
    private long stageStart;
    private long trainStart;

    TrainProgress(PrintWriter err, boolean rewrite, LongSupplier nanoClock) {
        this.err = err;
        this.rewrite = rewrite;
        this.nanoClock = nanoClock;
    }

    /** Progress for {@code gatewatch train}: on a terminal, or anywhere when forced; else none. */
    static TrainingProgress of(PrintWriter err, boolean forced) {
        boolean terminal = Progress.stderrIsTerminal();
        return terminal || forced ? new TrainProgress(err, terminal, System::nanoTime) : TrainingProgress.NONE;
    }

    @Override
    public synchronized void stage(Stage next, int nextTrees) {
        long now = nanoClock.getAsLong();
        if (stage == null) {
            trainStart = now;
        } else {
            finish(now);
        }
        stage = next;
        trees = nextTrees;
        stageStart = now;
        show(nextTrees > 0 ? String.format(Locale.ROOT, "%s: 0/%d trees", next.title(), nextTrees) : next.title() + " ...");
    }

    @Override
    public synchronized void tree(Stage of, int built) {
        if (of == stage) {
            show(String.format(Locale.ROOT, "%s: %d/%d trees", of.title(), built, trees));
        }
    }

    @Override
    public synchronized void done() {
        if (stage == null) {
            return;
        }
        long now = nanoClock.getAsLong();
        finish(now);
        stage = null;
        err.printf(Locale.ROOT, "training done (%.1f s)%n", (now - trainStart) / 1e9);
        err.flush();
    }

    /** Closes the current stage's line with its time. */
    private void finish(long now) {
        String what = trees > 0 ? String.format(Locale.ROOT, "%s: %d trees", stage.title(), trees) : stage.title();
        String line = String.format(Locale.ROOT, "%s (%.1f s)", what, (now - stageStart) / 1e9);
        if (rewrite) {
            err.print("\r\033[K" + line + "\n");
        } else {
            err.println(line);
        }
        err.flush();
    }

    private void show(String line) {
        if (rewrite) {
            err.print("\r\033[K" + line);
        } else {
            err.println(line);
        }
        err.flush();
    }
}
