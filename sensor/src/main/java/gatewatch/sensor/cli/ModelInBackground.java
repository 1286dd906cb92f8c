package gatewatch.sensor.cli;

import gatewatch.detector.model.Ensemble;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * A model loaded on its own thread from the start of a command, so that the command's other
 * start-up work (its outputs, the pipeline, libpcap and the capture file) and the first frames go
 * on meanwhile: a cold JVM takes as long to read and check the model as to do all of that. The
 * pipeline's detector thread takes the model when it starts ({@link #get()} waits for it).
 *
 * <p>A model that cannot be loaded is reported as if it had been loaded first:
 * {@link #rethrowFailure()} throws the loader's own exception (its message and exit code), and a
 * command calls it before reporting anything else, errors of its own included.
 */
final class ModelInBackground implements Supplier<Ensemble> {
    private final FutureTask<Ensemble> task;

    private ModelInBackground(Callable<Ensemble> load) {
        this.task = new FutureTask<>(load);
    }

    static ModelInBackground start(Callable<Ensemble> load) {
        ModelInBackground m = new ModelInBackground(load);
        // A daemon: a command that fails before it needs the model does not wait for it to exit.
        Thread.ofPlatform().name("gatewatch-model-load").daemon().start(m.task);
        return m;
    }

    /** Waits for the model; throws what the loader threw. */
    @Override
    public Ensemble get() {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    throw asUnchecked(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Waits for the load to end; throws what the loader threw, if it failed. */
    void rethrowFailure() {
        get();
    }

    private static RuntimeException asUnchecked(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(t.getMessage(), t);
    }
}
