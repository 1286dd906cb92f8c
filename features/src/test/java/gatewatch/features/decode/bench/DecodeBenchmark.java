package gatewatch.features.decode.bench;

import gatewatch.features.decode.DecodeCounters;
import gatewatch.features.decode.DecodeStatus;
import gatewatch.features.decode.FrameDecoder;
import gatewatch.features.decode.PacketView;
import gatewatch.features.testing.CaptureFiles;
import gatewatch.features.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decode throughput over the frames of {@code shared/pcaps/bench/benchmark-merged-ethernet-A.pcap},
 * loaded into one contiguous buffer (as a capture source hands frames over) and decoded in file
 * order, round and round: one benchmark operation is one frame, so the score is ns per frame
 * (frames/s = 10^9 / score). How to run it and the results
 * are in {@code docs/history/features-RESULTS-decode.md}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(value = 3, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class DecodeBenchmark {
    static final String CAPTURE = "pcaps/bench/benchmark-merged-ethernet-A.pcap";

    private byte[] data;
    private int[] offsets;
    private int[] capLens;
    private int[] wireLens;
    private int[] linkTypes;
    private long[] timestamps;
    private int next;

    private DecodeCounters counters;
    private FrameDecoder decoder;
    private final PacketView view = new PacketView();

    @Setup(Level.Trial)
    public void load() throws IOException {
        Path capture = SharedData.root().resolve(CAPTURE);
        if (!Files.exists(capture)) {
            throw new IOException(capture + " not found: run from the checkout with ../shared beside it, "
                    + "or set -Dgatewatch.shared");
        }
        List<CaptureFiles.Frame> frames = CaptureFiles.readAll(capture);
        int n = frames.size();
        offsets = new int[n];
        capLens = new int[n];
        wireLens = new int[n];
        linkTypes = new int[n];
        timestamps = new long[n];
        data = new byte[frames.stream().mapToInt(CaptureFiles.Frame::capLen).sum()];
        int pos = 0;
        for (int i = 0; i < n; i++) {
            CaptureFiles.Frame f = frames.get(i);
            System.arraycopy(f.data(), 0, data, pos, f.capLen());
            offsets[i] = pos;
            capLens[i] = f.capLen();
            wireLens[i] = f.wireLen();
            linkTypes[i] = f.linkType();
            timestamps[i] = f.tsNanos();
            pos += f.capLen();
        }
        counters = new DecodeCounters();
        decoder = new FrameDecoder(counters);
    }

    @Benchmark
    public DecodeStatus decodeFrame() {
        int i = next;
        next = i + 1 == offsets.length ? 0 : i + 1;
        return decoder.decode(data, offsets[i], capLens[i], wireLens[i], linkTypes[i], timestamps[i], view);
    }

    @TearDown(Level.Trial)
    public void report() {
        System.out.printf("%n[capture: %d frames, %d bytes; decoded %d frames: %d packets, %d skipped, %d malformed]%n",
                offsets.length, data.length, counters.frames(), counters.packets(), counters.skippedTotal(),
                counters.malformedTotal());
    }
}
