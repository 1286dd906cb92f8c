package gatewatch.sensor.capture.bench;

import gatewatch.sensor.alert.AlertLimit;
import gatewatch.detector.model.Ensemble;
import gatewatch.features.conn.ConnectionTracker;
import gatewatch.features.conn.Timeouts;
import gatewatch.features.conn.TrackerCounters;
import gatewatch.features.decode.DecodeCounters;
import gatewatch.features.decode.DecodeStatus;
import gatewatch.features.decode.FrameDecoder;
import gatewatch.features.decode.FrameHandler;
import gatewatch.features.decode.PacketView;
import gatewatch.features.extract.FeatureExtractor;
import gatewatch.sensor.alert.JsonLinesLog;
import gatewatch.sensor.alert.LogFileConfig;
import gatewatch.sensor.capture.PcapFileSource;
import gatewatch.sensor.pipeline.FullQueuePolicy;
import gatewatch.sensor.pipeline.LatencyRecorder;
import gatewatch.sensor.pipeline.Outputs;
import gatewatch.sensor.pipeline.Pipeline;
import gatewatch.sensor.pipeline.PipelineSettings;
import gatewatch.sensor.pipeline.ReplaySpeed;
import gatewatch.sensor.pipeline.Summary;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Frames per second of each stage added in turn, on capture files, with tcpdump's read of the same
 * file in the same run:
 * capture alone; + decode; + connections (tracker); + all 41 features (content and windows);
 * and the whole replay pipeline (features + verdicts + alert log, three threads), with the default
 * alert limit and with it off.
 *
 * <p>Best of N passes in one JVM, interleaved; wall time and the capture thread's CPU time, and the
 * peak of heap used after GC (so that a flat heap shows as a small number however long the file).
 *
 * <p>Run: {@code sensor/bench/run-stage-bench.sh [--passes N] FILE...}
 */
public final class StageBench {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private StageBench() {
    }

    /** Decode only. */
    static final class DecodeOnly implements FrameHandler {
        final FrameDecoder decoder = new FrameDecoder(new DecodeCounters());
        final PacketView view = new PacketView();
        long packets;

        @Override
        public void onFrame(byte[] buf, int offset, int capLen, int wireLen, int linkType, long tsNanos) {
            if (decoder.decode(buf, offset, capLen, wireLen, linkType, tsNanos, view) == DecodeStatus.PACKET) {
                packets++;
            }
        }
    }

    /** Decode and track connections; records are counted and dropped. */
    static final class DecodeTrack implements FrameHandler {
        final FrameDecoder decoder = new FrameDecoder(new DecodeCounters());
        final PacketView view = new PacketView();
        long connections;
        final ConnectionTracker tracker = new ConnectionTracker(1_000_000, Timeouts.ZEEK_DEFAULTS,
                (c, r) -> connections++, new TrackerCounters());

        @Override
        public void onFrame(byte[] buf, int offset, int capLen, int wireLen, int linkType, long tsNanos) {
            if (decoder.decode(buf, offset, capLen, wireLen, linkType, tsNanos, view) == DecodeStatus.PACKET) {
                tracker.onPacket(view);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        int passes = 5;
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--passes")) {
                passes = Integer.parseInt(args[++i]);
            } else {
                files.add(Path.of(args[i]));
            }
        }
        Ensemble ensemble = Ensemble.loadDefault();
        System.out.println("# stage bench " + ZonedDateTime.now() + ", " + Runtime.getRuntime().availableProcessors()
                + " cpus, load " + CaptureBench.loadAverage() + ", java " + Runtime.version()
                + ", max heap " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB");
        System.out.println("| file | frames | stage | best frames/s (wall) | best frames/s (capture thread CPU) | peak heap after GC MiB | passes |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (Path file : files) {
            List<List<CaptureBench.Pass>> r = new ArrayList<>();
            String[] names = {"capture only (FFM)", "capture + decode", "capture + decode + connections",
                "capture + decode + connections + 41 features", "replay: features + verdicts + alert log (3 threads)",
                "replay as above, alert_limit off (every alert a line)", "tcpdump -r FILE -w /dev/null"};
            long[] peakHeap = new long[names.length];
            for (int i = 0; i < names.length; i++) {
                r.add(new ArrayList<>());
            }
            for (int p = 0; p < passes; p++) {
                r.get(0).add(run(file, CaptureBench.Sink::new, peakHeap, 0));
                r.get(1).add(run(file, DecodeOnly::new, peakHeap, 1));
                r.get(2).add(run(file, DecodeTrack::new, peakHeap, 2));
                r.get(3).add(run(file, () -> new FeatureExtractor(FeatureExtractor.ExtractorConfig.defaults(), rec -> { }),
                        peakHeap, 3, true));
                r.get(4).add(replay(file, ensemble, AlertLimit.DEFAULT, peakHeap, 4));
                r.get(5).add(replay(file, ensemble, AlertLimit.OFF, peakHeap, 5));
                r.get(6).add(CaptureBench.tcpdumpPass(file, r.get(0).getFirst().frames()));
            }
            for (int i = 0; i < names.length; i++) {
                CaptureBench.Pass best = r.get(i).stream().min((a, b) -> Long.compare(a.wallNanos(), b.wallNanos())).orElseThrow();
                CaptureBench.Pass bestCpu = r.get(i).stream().min((a, b) -> Long.compare(a.cpuNanos(), b.cpuNanos())).orElseThrow();
                System.out.printf("| %s | %,d | %s | %,.0f | %,.0f | %s | %d |%n", file.getFileName(), best.frames(), names[i],
                        best.framesPerSecond(), bestCpu.framesPerCpuSecond(),
                        i == 6 ? "-" : String.valueOf(peakHeap[i] / (1 << 20)), r.get(i).size());
            }
        }
        System.out.println("# load after: " + CaptureBench.loadAverage());
    }

    private static <H extends FrameHandler> CaptureBench.Pass run(Path file, Supplier<H> handler, long[] peak, int slot)
            throws Exception {
        return run(file, handler, peak, slot, false);
    }

    private static <H extends FrameHandler> CaptureBench.Pass run(Path file, Supplier<H> factory, long[] peak, int slot,
            boolean finish) throws Exception {
        System.gc();
        H h = factory.get();
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        long frames;
        try (PcapFileSource source = PcapFileSource.open(file)) {
            frames = source.run(h);
        }
        if (finish && h instanceof FeatureExtractor fe) {
            fe.finish();
        }
        long wall = System.nanoTime() - t0;
        long cpu = THREADS.getCurrentThreadCpuTime() - cpu0;
        peak[slot] = Math.max(peak[slot], heapUsedAfterGc());
        return new CaptureBench.Pass(frames, wall, cpu);
    }

    private static CaptureBench.Pass replay(Path file, Ensemble ensemble, AlertLimit limit, long[] peak, int slot)
            throws Exception {
        System.gc();
        Path alerts = Files.createTempFile("stagebench", ".json");
        try (JsonLinesLog log = new JsonLinesLog(LogFileConfig.simple(alerts))) {
            Pipeline pipeline = new Pipeline(PipelineSettings.defaults(), FullQueuePolicy.BLOCK, ensemble,
                    new Outputs(log, null, null, List.of(), "bench", limit), LatencyRecorder.NONE);
            long cpu0 = THREADS.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            Summary s = pipeline.replay(List.of(file), ReplaySpeed.MAX);
            long wall = System.nanoTime() - t0;
            long cpu = THREADS.getCurrentThreadCpuTime() - cpu0;
            peak[slot] = Math.max(peak[slot], heapUsedAfterGc());
            return new CaptureBench.Pass(s.frames(), wall, cpu);
        } finally {
            Files.deleteIfExists(alerts);
        }
    }

    /** Heap in use just after the last collection, summed over the heap pools. */
    static long heapUsedAfterGc() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
                sum += pool.getCollectionUsage().getUsed();
            }
        }
        return sum;
    }
}
