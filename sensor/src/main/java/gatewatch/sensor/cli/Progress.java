package gatewatch.sensor.cli;

import gatewatch.sensor.pipeline.Pipeline;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A one-line progress report on stderr, refreshed every second, only when stderr is a terminal
 * (so logs and CI output stay clean).
 */
final class Progress implements AutoCloseable {
    private final Thread thread;
    private final PrintWriter err;

    private Progress(Thread thread, PrintWriter err) {
        this.thread = thread;
        this.err = err;
    }

    static Progress start(Pipeline pipeline, PrintWriter err) {
        if (!stderrIsTerminal()) {
            return new Progress(null, err);
        }
        long start = System.nanoTime();
        Thread t = Thread.ofPlatform().daemon().name("gatewatch-progress").start(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(1000);
                    long frames = pipeline.extractor().decodeCounters().frames();
                    double secs = (System.nanoTime() - start) / 1e9;
                    err.printf(Locale.ROOT, "\r%,d frames  %,d connections  %,d alerts  %,.0f frames/s   ",
                            frames, pipeline.sink().connections(), pipeline.sink().alertsTotal(), frames / secs);
                    err.flush();
                }
            } catch (InterruptedException e) {
                // closed
            }
        });
        return new Progress(t, err);
    }

    static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            err.print("\r\033[K");
            err.flush();
        }
    }
}
