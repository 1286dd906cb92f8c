package gatewatch.sensor.capture.bench;

import gatewatch.features.extract.FeatureExtractor;
import gatewatch.sensor.capture.PcapFileSource;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;

/**
 * One pass of capture + decode + connections + all 41 features over a file, as the stage bench's
 * features row runs it. {@link PairedFeaturesBench} loads this class once per build under test,
 * each copy linked against its own build's features classes.
 */
public final class FeaturesPass {
    private FeaturesPass() {
    }

    /**
     * With {@code -Dgatewatch.bench.clock=cpu} the pass is timed in this thread's CPU time, which
     * other processes on a loaded machine disturb much less than wall time (garbage collection on
     * other threads is then not counted).
     *
     * @return frames read, nanoseconds (wall or CPU)
     */
    public static long[] run(String file) throws Exception {
        boolean cpu = "cpu".equals(System.getProperty("gatewatch.bench.clock"));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        FeatureExtractor fx = new FeatureExtractor(FeatureExtractor.ExtractorConfig.defaults(), rec -> { });
        long t0 = cpu ? threads.getCurrentThreadCpuTime() : System.nanoTime();
        long frames;
        try (PcapFileSource source = PcapFileSource.open(Path.of(file))) {
            frames = source.run(fx);
        }
        fx.finish();
        long t1 = cpu ? threads.getCurrentThreadCpuTime() : System.nanoTime();
        return new long[] {frames, t1 - t0};
    }
}
