package gatewatch.features.window.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Nanoseconds per frame of a spoofed SYN flood ({@link FloodPipeline}: every frame a new
 * connection, the worst case for the window stage) through the real decoder and tracker, with
 * or without the window stage. Command and results: docs/history/features-RESULTS-windows.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 3)
@Measurement(iterations = 6, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class FloodPipelineBenchmark {

    /** "none": no window stage; otherwise the reorder hold in seconds. */
    @Param({"none", "0", "10"})
    public String windows;

    private FloodPipeline pipeline;

    @Setup(Level.Trial)
    public void setUp(Blackhole bh) {
        pipeline = new FloodPipeline(windows, bh::consume);
    }

    @Benchmark
    public void frame() {
        pipeline.frame();
    }
}
