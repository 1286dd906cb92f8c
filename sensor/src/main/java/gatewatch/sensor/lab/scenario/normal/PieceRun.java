package gatewatch.sensor.lab.scenario.normal;

import gatewatch.features.truth.FlowPattern;
import gatewatch.features.truth.TruthCategory;
import gatewatch.sensor.lab.CommandResult;
import gatewatch.sensor.lab.net.Topology;
import gatewatch.sensor.lab.scenario.Daemon;
import gatewatch.sensor.lab.scenario.LabRun;
import gatewatch.sensor.lab.scenario.Tool;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * The run a scenario sees when it is one piece of {@link NormalMix}: everything goes to the mix's
 * run, except that the piece has its own seeded random source (and pauses drawn from it), so that
 * pieces running in parallel threads neither share an unsynchronised generator nor depend on each
 * other's timing for their choices; and its reports carry its name.
 */
final class PieceRun implements LabRun {
    private final LabRun run;
    private final String piece;
    private final RandomGenerator random;

    /** @param piece the piece's scenario name: its reports are kept as {@code PIECE.KEY} */
    PieceRun(LabRun run, String piece, long seed) {
        this.run = run;
        this.piece = piece;
        this.random = new SplittableRandom(seed);
    }

    @Override
    public Topology net() {
        return run.net();
    }

    @Override
    public long seed() {
        return run.seed();
    }

    @Override
    public RandomGenerator random() {
        return random;
    }

    @Override
    public java.util.List<String> addServerHosts(int n) {
        return run.addServerHosts(n);
    }

    @Override
    public Path workDir() {
        return run.workDir();
    }

    @Override
    public Path writeFile(String relative, String content) {
        return run.writeFile(relative, content);
    }

    @Override
    public Path writeFile(String relative, byte[] content) {
        return run.writeFile(relative, content);
    }

    @Override
    public String template(String name, Map<String, String> vars) {
        return run.template(name, vars);
    }

    @Override
    public void serverEtcFile(String file, String content) {
        run.serverEtcFile(file, content);
    }

    @Override
    public String path(Tool tool) {
        return run.path(tool);
    }

    @Override
    public Daemon startServer(String name, List<String> command) {
        return run.startServer(name, command);
    }

    @Override
    public Daemon startGateway(String name, List<String> command) {
        return run.startGateway(name, command);
    }

    @Override
    public Daemon startClient(String name, List<String> command) {
        return run.startClient(name, command);
    }

    @Override
    public CommandResult client(String name, Duration limit, List<String> command) {
        return run.client(name, limit, command);
    }

    @Override
    public CommandResult server(String name, Duration limit, List<String> command) {
        return run.server(name, limit, command);
    }

    @Override
    public CommandResult host(String name, Duration limit, List<String> command) {
        return run.host(name, limit, command);
    }

    @Override
    public void awaitTcpListener(int port, Duration limit) {
        run.awaitTcpListener(port, limit);
    }

    @Override
    public void awaitUdpListener(String ns, int port, Duration limit) {
        run.awaitUdpListener(ns, port, limit);
    }

    @Override
    public void pause(Duration min, Duration max) {
        long ms = min.toMillis() >= max.toMillis() ? min.toMillis() : random.nextLong(min.toMillis(), max.toMillis() + 1);
        sleep(ms);
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public long nowNanos() {
        return run.nowNanos();
    }

    @Override
    public void label(FlowPattern flow, TruthCategory category, String label) {
        run.label(flow, category, label);
    }

    @Override
    public void label(long startNanos, long endNanos, FlowPattern flow, TruthCategory category, String label) {
        run.label(startNanos, endNanos, flow, category, label);
    }

    @Override
    public void report(String key, long value) {
        run.report(piece + "." + key, value);
    }

    @Override
    public void log(String line) {
        run.log(line);
    }
}
