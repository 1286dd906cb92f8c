package gatewatch.sensor.capture.bench;

import gatewatch.features.decode.FrameHandler;
import gatewatch.sensor.capture.CaptureException;
import gatewatch.sensor.capture.PcapFileSource;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.Pcaps;
import org.pcap4j.core.RawPacketListener;

/**
 * Frames per second of the capture layer alone, on capture files: the FFM reader
 * ({@link PcapFileSource}), pcap4j's own fastest path ({@code loop(-1, RawPacketListener)}), and
 * {@code tcpdump -r FILE -w /dev/null} on the same file in the same run.
 *
 * <p>Each reader touches every frame (its length and first byte) and nothing else. Best of N
 * passes in one JVM, wall time and the reading thread's CPU time (ThreadMXBean; for tcpdump, user +
 * system time of the process), so a busy shared machine shows as the gap between the two.
 *
 * <p>Run: {@code sensor/bench/run-capture-bench.sh [--passes N] FILE...}
 */
public final class CaptureBench {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** One measured pass. */
    record Pass(long frames, long wallNanos, long cpuNanos) {
        double framesPerSecond() {
            return frames * 1e9 / wallNanos;
        }

        double framesPerCpuSecond() {
            return frames * 1e9 / cpuNanos;
        }
    }

    /** Keeps what the readers touch alive, so the JIT cannot drop the work. */
    static final class Sink implements FrameHandler, RawPacketListener {
        long sum;
        long frames;

        @Override
        public void onFrame(byte[] buf, int offset, int capLen, int wireLen, int linkType, long tsNanos) {
            sum += capLen + buf[offset];
            frames++;
        }

        @Override
        public void gotPacket(byte[] packet) {
            sum += packet.length + packet[0];
            frames++;
        }
    }

    private CaptureBench() {
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
        if (files.isEmpty()) {
            System.err.println("usage: CaptureBench [--passes N] FILE...");
            System.exit(2);
        }
        System.out.println("# capture bench " + ZonedDateTime.now() + ", " + Runtime.getRuntime().availableProcessors()
                + " cpus, load " + loadAverage() + ", " + Pcaps.libVersion() + ", java " + Runtime.version());
        System.out.println("| file | frames | reader | best frames/s (wall) | best frames/s (on-CPU) | best wall s | passes |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (Path file : files) {
            bench(file, passes);
        }
        System.out.println("# load after: " + loadAverage());
    }

    private static void bench(Path file, int passes) throws Exception {
        List<Pass> ffm = new ArrayList<>();
        List<Pass> pcap4j = new ArrayList<>();
        List<Pass> tcpdump = new ArrayList<>();
        // Interleaved, so a burst of load from others hits all three alike.
        for (int i = 0; i < passes; i++) {
            ffm.add(ffmPass(file));
            pcap4j.add(pcap4jPass(file));
            tcpdump.add(tcpdumpPass(file, ffm.getFirst().frames()));
        }
        report(file, "FFM pcap_next_ex (PcapFileSource)", ffm);
        report(file, "pcap4j loop(-1, RawPacketListener)", pcap4j);
        report(file, "tcpdump -r FILE -w /dev/null", tcpdump);
    }

    static Pass ffmPass(Path file) throws CaptureException {
        Sink sink = new Sink();
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        try (PcapFileSource source = PcapFileSource.open(file)) {
            source.run(sink);
        }
        long wall = System.nanoTime() - t0;
        long cpu = THREADS.getCurrentThreadCpuTime() - cpu0;
        return new Pass(sink.frames, wall, cpu);
    }

    static Pass pcap4jPass(Path file) throws Exception {
        Sink sink = new Sink();
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        try (PcapHandle handle = Pcaps.openOffline(file.toString(), PcapHandle.TimestampPrecision.NANO)) {
            handle.loop(-1, (RawPacketListener) sink);
        }
        long wall = System.nanoTime() - t0;
        long cpu = THREADS.getCurrentThreadCpuTime() - cpu0;
        return new Pass(sink.frames, wall, cpu);
    }

    /** tcpdump's own wall and user+system time, from bash's {@code time}. */
    static Pass tcpdumpPass(Path file, long frames) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", "-c",
                "TIMEFORMAT='%R %U %S'; time tcpdump -r \"$1\" -w /dev/null 2>/dev/null", "bench", file.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (p.waitFor() != 0) {
            throw new IOException("tcpdump failed on " + file + ": " + out);
        }
        String[] lastLine = out.lines().reduce((a, b) -> b).orElseThrow().trim().split("\\s+");
        long wall = seconds(lastLine[0]);
        long cpu = seconds(lastLine[1]) + seconds(lastLine[2]);
        return new Pass(frames, wall, Math.max(cpu, 1));
    }

    private static long seconds(String s) {
        return Math.round(Double.parseDouble(s) * 1e9);
    }

    private static void report(Path file, String reader, List<Pass> passes) {
        Pass best = passes.stream().min((a, b) -> Long.compare(a.wallNanos(), b.wallNanos())).orElseThrow();
        Pass bestCpu = passes.stream().min((a, b) -> Long.compare(a.cpuNanos(), b.cpuNanos())).orElseThrow();
        StringBuilder all = new StringBuilder();
        for (Pass p : passes) {
            all.append(all.isEmpty() ? "" : ", ").append(String.format("%.2fM", p.framesPerSecond() / 1e6));
        }
        System.out.printf("| %s | %d | %s | %.2f M | %.2f M | %.3f | %s |%n", file.getFileName(), best.frames(), reader,
                best.framesPerSecond() / 1e6, bestCpu.framesPerCpuSecond() / 1e6, best.wallNanos() / 1e9, all);
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }
}
