package gatewatch.sensor.capture.bench;

import gatewatch.sensor.capture.CaptureStats;
import gatewatch.sensor.capture.LiveConfig;
import gatewatch.sensor.capture.LiveSource;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Live capture under a traffic generator: captures on an interface while a shell command (the
 * generator) runs, then reports frames delivered, libpcap's statistics, the capture thread's CPU
 * time and how long {@code run()} took to return after {@code stop()} on the then idle link.
 *
 * <p>Run through {@code sensor/bench/run-live-bench.sh}, which makes the veth pair and the
 * namespace the generator sends from.
 *
 * <p>usage: LiveBench INTERFACE BPF-FILTER GENERATOR-COMMAND
 */
public final class LiveBench {
    private LiveBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: LiveBench INTERFACE BPF-FILTER GENERATOR-COMMAND");
            System.exit(2);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (LiveSource source = LiveSource.open(LiveConfig.of(args[0]).withFilter(args[1]))) {
            AtomicLong delivered = new AtomicLong();
            AtomicLong cpuNanos = new AtomicLong();
            AtomicLong returnedAt = new AtomicLong();
            Thread capture = Thread.ofPlatform().name("capture").start(() -> {
                long cpu0 = threads.getCurrentThreadCpuTime();
                try {
                    delivered.set(source.run((buf, off, capLen, wireLen, linkType, tsNanos) -> {
                    }));
                } catch (Exception e) {
                    e.printStackTrace();
                }
                cpuNanos.set(threads.getCurrentThreadCpuTime() - cpu0);
                returnedAt.set(System.nanoTime());
            });
            long t0 = System.nanoTime();
            int exit = new ProcessBuilder("bash", "-c", args[2]).inheritIO().start().waitFor();
            double seconds = (System.nanoTime() - t0) / 1e9;
            Thread.sleep(500); // let the last block reach us; the link is idle after this
            CaptureStats stats = source.stats();
            long stoppedAt = System.nanoTime();
            source.stop();
            capture.join();
            System.out.printf("generator exit %d after %.2f s; delivered %d frames (%.0f frames/s); %s;"
                            + " capture thread CPU %.0f ms (%.2f us/frame); run() returned %.1f ms after stop()%n",
                    exit, seconds, delivered.get(), delivered.get() / seconds, stats, cpuNanos.get() / 1e6,
                    delivered.get() == 0 ? 0 : cpuNanos.get() / 1e3 / delivered.get(), (returnedAt.get() - stoppedAt) / 1e6);
        }
    }
}
