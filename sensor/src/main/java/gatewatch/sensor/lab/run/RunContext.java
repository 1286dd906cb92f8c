package gatewatch.sensor.lab.run;

import gatewatch.features.truth.FlowPattern;
import gatewatch.features.truth.TruthCategory;
import gatewatch.features.truth.TruthRule;
import gatewatch.sensor.lab.CommandResult;
import gatewatch.sensor.lab.Exec;
import gatewatch.sensor.lab.LabException;
import gatewatch.sensor.lab.net.Namespaces;
import gatewatch.sensor.lab.net.Topology;
import gatewatch.sensor.lab.scenario.Daemon;
import gatewatch.sensor.lab.scenario.LabRun;
import gatewatch.sensor.lab.scenario.Tool;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.random.RandomGenerator;

/** The {@link LabRun} of one scenario recording: runs programs in the namespaces and collects the truth. */
final class RunContext implements LabRun {
    private static final Pattern VAR = Pattern.compile("\\$\\{([A-Z0-9_]+)}");

    private final Topology net;
    private final long seed;
    private final RandomGenerator random;
    private final Path workDir;
    private final Map<Tool, ToolCheck.Found> tools;
    private final PrintWriter log;
    private final List<ChildDaemon> children = new ArrayList<>();
    private final List<TruthRule> rules = new ArrayList<>();
    private final Map<String, Long> reports = new LinkedHashMap<>();
    private int commands;
    private int serverHosts;

    RunContext(Topology net, String scenario, long seed, Path workDir, Map<Tool, ToolCheck.Found> tools, PrintWriter log) {
        this.net = net;
        this.seed = seed;
        this.random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ scenario.hashCode());
        this.workDir = workDir;
        this.tools = tools;
        this.log = log;
    }

    @Override
    public Topology net() {
        return net;
    }

    @Override
    public long seed() {
        return seed;
    }

    @Override
    public RandomGenerator random() {
        return random;
    }

    @Override
    public Path workDir() {
        return workDir;
    }

    @Override
    public Path writeFile(String relative, String content) {
        return writeFile(relative, content.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Path writeFile(String relative, byte[] content) {
        Path p = workDir.resolve(relative).normalize();
        if (!p.startsWith(workDir)) {
            throw new IllegalArgumentException("not inside the work directory: " + relative);
        }
        try {
            Files.createDirectories(p.getParent());
            return Files.write(p, content);
        } catch (IOException e) {
            throw new LabException("cannot write " + p + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String template(String name, Map<String, String> vars) {
        String resource = "/gatewatch/sensor/lab/templates/" + name;
        String text;
        try (InputStream in = RunContext.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new LabException("no template " + resource);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LabException("cannot read template " + resource + ": " + e.getMessage(), e);
        }
        Matcher m = VAR.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = vars.get(m.group(1));
            if (v == null) {
                throw new LabException("template " + name + " uses ${" + m.group(1) + "}, which the scenario did not give");
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(v));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    @Override
    public void serverEtcFile(String file, String content) {
        Namespaces.etcFile(net.serverNs(), file, content);
    }

    @Override
    public synchronized List<String> addServerHosts(int n) {
        List<String> added = new ArrayList<>();
        for (int i = serverHosts; i < serverHosts + n; i++) {
            Namespaces.addServerHost(net, i);
            added.add(net.serverHost(i));
        }
        serverHosts += n;
        log("server hosts added: " + String.join(" ", added));
        return added;
    }

    @Override
    public String path(Tool tool) {
        ToolCheck.Found f = tools.get(tool);
        if (f == null) {
            throw new IllegalStateException("tool " + tool.command() + " is not among the scenario's tools()");
        }
        return f.path();
    }

    @Override
    public Daemon startServer(String name, List<String> command) {
        return start(name, inNs(net.serverNs(), command));
    }

    @Override
    public Daemon startGateway(String name, List<String> command) {
        return start(name, inNs(net.gatewayNs(), command));
    }

    @Override
    public Daemon startClient(String name, List<String> command) {
        return start(name, inNs(net.clientNs(), command));
    }

    private synchronized ChildDaemon start(String name, List<String> command) {
        log("start " + name + ": " + String.join(" ", command));
        ChildDaemon d = ChildDaemon.start(name, command, workDir.resolve(uniqueLogName(name)), workDir);
        children.add(d);
        return d;
    }

    @Override
    public CommandResult client(String name, Duration limit, List<String> command) {
        return runLogged(name, limit, inNs(net.clientNs(), command));
    }

    @Override
    public CommandResult server(String name, Duration limit, List<String> command) {
        return runLogged(name, limit, inNs(net.serverNs(), command));
    }

    @Override
    public CommandResult host(String name, Duration limit, List<String> command) {
        return runLogged(name, limit, command);
    }

    private CommandResult runLogged(String name, Duration limit, List<String> command) {
        log("run " + name + ": " + String.join(" ", command));
        CommandResult r = Exec.run(command, limit, workDir.resolve(uniqueLogName(name)), workDir);
        log("  exit " + r.exit() + (r.output().isBlank() ? "" : "\n" + r.output().strip().indent(4).stripTrailing()));
        return r;
    }

    private synchronized String uniqueLogName(String name) {
        return String.format("%03d-%s.log", ++commands, name.replaceAll("[^A-Za-z0-9_.-]", "_"));
    }

    private static List<String> inNs(String ns, List<String> command) {
        List<String> c = new ArrayList<>(List.of("ip", "netns", "exec", ns));
        c.addAll(command);
        return c;
    }

    @Override
    public void awaitTcpListener(int port, Duration limit) {
        awaitListener(net.serverNs(), "-Hltn", "TCP", port, limit);
    }

    @Override
    public void awaitUdpListener(String ns, int port, Duration limit) {
        if (!ns.equals(net.serverNs()) && !ns.equals(net.gatewayNs())) {
            throw new IllegalArgumentException("not the server or gateway namespace of this run: " + ns);
        }
        awaitListener(ns, "-Hlun", "UDP", port, limit);
    }

    private void awaitListener(String ns, String ssFlags, String proto, int port, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            String out = Exec.quick("ip", "netns", "exec", ns, "ss", ssFlags, "sport = :" + port).output();
            if (!out.isBlank()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new LabException("nothing listens on " + proto + " port " + port + " in " + ns + " after "
                        + limit.toSeconds() + " s" + daemonHint());
            }
            Capture.sleep(50);
        }
    }

    private synchronized String daemonHint() {
        StringBuilder sb = new StringBuilder();
        for (ChildDaemon d : children) {
            if (!d.isAlive()) {
                sb.append("; ").append(d.name()).append(" exited ").append(d.exitValue()).append(": ")
                        .append(CommandResult.tail(d.output()));
            }
        }
        return sb.toString();
    }

    @Override
    public void pause(Duration min, Duration max) {
        long ms = min.toMillis() >= max.toMillis() ? min.toMillis() : random.nextLong(min.toMillis(), max.toMillis() + 1);
        Capture.sleep(ms);
    }

    @Override
    public long nowNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    @Override
    public void label(FlowPattern flow, TruthCategory category, String label) {
        label(TruthRule.OPEN_START, TruthRule.OPEN_END, flow, category, label);
    }

    @Override
    public synchronized void label(long startNanos, long endNanos, FlowPattern flow, TruthCategory category, String label) {
        rules.add(new TruthRule(startNanos, endNanos, flow, category, label));
    }

    @Override
    public synchronized void report(String key, long value) {
        reports.put(key, value);
        log("report " + key + " = " + value);
    }

    @Override
    public synchronized void log(String line) {
        log.println(line);
        log.flush();
    }

    /** The declared rules, open bounds replaced by the run's window. */
    synchronized List<TruthRule> rules(long runStart, long runEnd) {
        return rules.stream().map(r -> new TruthRule(
                r.startNanos() == TruthRule.OPEN_START ? runStart : r.startNanos(),
                r.endNanos() == TruthRule.OPEN_END ? runEnd : r.endNanos(),
                r.flow(), r.category(), r.label())).toList();
    }

    synchronized Map<String, Long> reports() {
        return new LinkedHashMap<>(reports);
    }

    /** Stops every child still running, newest first (clients before the daemons they talk to). */
    synchronized void stopChildren() {
        for (int i = children.size() - 1; i >= 0; i--) {
            children.get(i).stop();
        }
    }
}
