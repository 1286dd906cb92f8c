package gatewatch.sensor.e2e;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code gatewatch run} inside the server namespace, capturing the server's end of the veth pair,
 * with its alert log, records log and metrics endpoint (on the namespace's own loopback, so the
 * port is free whatever else runs on the machine).
 *
 * <p>The command is what the {@code ./gatewatch} launcher execs ({@code java
 * --enable-native-access=ALL-UNNAMED -XX:+UseParallelGC -cp ... gatewatch.sensor.cli.Main}), on the
 * classpath this test runs with, so the test runs the code Maven just built without a second
 * build. {@code -Dgatewatch.e2e.launcher=/path/to/gatewatch} runs a launcher or an installed
 * {@code gatewatch} instead.
 */
final class Daemon implements AutoCloseable {
    static final String METRICS = "127.0.0.1:9810";
    private static final Duration HEALTHY = Duration.ofSeconds(90);

    private final NamespacePair net;
    private final ChildProcess process;
    final Path alerts;
    final Path records;

    private Daemon(NamespacePair net, ChildProcess process, Path alerts, Path records) {
        this.net = net;
        this.process = process;
        this.alerts = alerts;
        this.records = records;
    }

    static Daemon start(NamespacePair net, Path work) throws IOException {
        Path alerts = work.resolve("alerts.jsonl");
        Path records = work.resolve("records.jsonl");
        List<String> command = new ArrayList<>(gatewatch());
        command.addAll(List.of("run", "--interface", net.serverIf, "--alerts", alerts.toString(),
                "--records", records.toString(), "--metrics-listen", METRICS, "--sensor-name", "gwe2e"));
        return new Daemon(net, ChildProcess.start("gatewatch run", net.inServer(command.toArray(String[]::new)),
                work.resolve("daemon.log")), alerts, records);
    }

    static List<String> gatewatch() {
        String launcher = System.getProperty("gatewatch.e2e.launcher", "");
        if (!launcher.isBlank()) {
            return List.of(launcher);
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return List.of(java, "--enable-native-access=ALL-UNNAMED", "-XX:+UseParallelGC", "-cp", cp,
                "gatewatch.sensor.cli.Main");
    }

    /** Waits until {@code /healthz} answers ok (capture running); fails with the daemon's log if it ends first. */
    void awaitHealthy() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + HEALTHY.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("gatewatch run ended at start:\n" + process.log());
            }
            if (get("/healthz").output().strip().equals("ok")) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("gatewatch run not healthy after " + HEALTHY + ":\n" + process.log());
    }

    /** The Prometheus text of {@code /metrics}, our own lines only. */
    String metrics() throws IOException, InterruptedException {
        StringBuilder sb = new StringBuilder();
        for (String line : get("/metrics").output().split("\n")) {
            if (line.startsWith("gatewatch_capture_") || line.startsWith("gatewatch_pipeline_queue_dropped")
                    || line.startsWith("gatewatch_extractor_records") || line.startsWith("gatewatch_sink_alerts")
                    || line.startsWith("gatewatch_tracker_evicted")) {
                sb.append(line).append('\n');
            }
        }
        return sb.toString();
    }

    private Shell.Result get(String path) throws IOException, InterruptedException {
        return Shell.run(Duration.ofSeconds(5), net.inServer("curl", "-s", "--max-time", "2", "http://" + METRICS + path));
    }

    ChildProcess.Termination terminate(Duration hangLimit) throws InterruptedException {
        return process.terminate(hangLimit);
    }

    String log() throws IOException {
        return process.log();
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}
