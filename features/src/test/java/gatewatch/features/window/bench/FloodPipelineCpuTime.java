package gatewatch.features.window.bench;

import gatewatch.features.kdd.KddFeature;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The SYN flood of {@link FloodPipeline}, timed in CPU time of the thread (best of 16 passes
 * of 2^18 frames, after 8 that fill the tracker and warm the JIT) rather than wall time: on a
 * shared 2-core machine other processes stretch wall time several-fold, CPU time much less.
 * Argument: {@code none}, or the reorder hold in seconds; run one JVM per setting. Command:
 * docs/history/features-RESULTS-windows.md.
 */
public final class FloodPipelineCpuTime {
    private FloodPipelineCpuTime() {
    }

    public static void main(String[] args) {
        String mode = args.length > 0 ? args[0] : "0";
        long[] durations = {0};
        FloodPipeline pipeline = new FloodPipeline(mode, r -> durations[0] += (long) r.features().get(KddFeature.DURATION));
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double best = Double.MAX_VALUE;
        for (int pass = 0; pass < 24; pass++) {
            long cpu = mx.getCurrentThreadCpuTime();
            for (int i = 0; i < FloodPipeline.FRAMES; i++) {
                pipeline.frame();
            }
            if (pass >= 8) {
                best = Math.min(best, (mx.getCurrentThreadCpuTime() - cpu) / (double) FloodPipeline.FRAMES);
            }
        }
        if (durations[0] != 0) {
            throw new AssertionError("a lone SYN has no duration");
        }
        System.out.printf("windows=%s: best %.0f ns of CPU per frame%n", mode, best);
    }
}
