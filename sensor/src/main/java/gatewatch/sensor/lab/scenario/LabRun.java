package gatewatch.sensor.lab.scenario;

import gatewatch.features.truth.FlowPattern;
import gatewatch.features.truth.TruthCategory;
import gatewatch.sensor.lab.CommandResult;
import gatewatch.sensor.lab.net.Topology;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * What a {@link Scenario} sees of the run it is part of: the addresses, a private work
 * directory, a seeded random source, ways to run programs in the client or server namespace,
 * and the truth it declares.
 *
 * <p>Every program runs as a plain child process inside a namespace; configuration, keys, pid
 * files and logs belong in {@link #workDir()} (never the host's default paths, which other runs
 * would share). Whatever is still running when the scenario returns is stopped by the runner.
 */
public interface LabRun {
    Topology net();

    long seed();

    /** Seeded from the run's seed and the scenario's name: the same seed gives the same choices. */
    RandomGenerator random();

    /** This run's own directory (mode 700, removed afterwards): configs, keys, pid files, logs. */
    Path workDir();

    /** Writes {@code content} to {@code workDir()/relative} (parents created) and returns the path. */
    Path writeFile(String relative, String content);

    Path writeFile(String relative, byte[] content);

    /**
     * The template {@code gatewatch/sensor/lab/templates/NAME} (a resource) with every
     * {@code ${KEY}} replaced by {@code vars.get(KEY)}; an unknown key is an error.
     */
    String template(String name, Map<String, String> vars);

    /** Writes a file that every program started afterwards in the server namespace sees as /etc/FILE (e.g. passwd). */
    void serverEtcFile(String file, String content);

    /**
     * Adds {@code n} more hosts to the server network (each its own namespace, removed with the
     * run; they answer pings, also to the broadcast address, and run nothing else) and returns
     * their addresses ({@link Topology#serverHost}). At most {@link Topology#SERVER_HOSTS}.
     */
    List<String> addServerHosts(int n);

    /** The absolute path of a tool the scenario declared. */
    String path(Tool tool);

    /** Starts {@code command} in the server namespace in the background; its output goes to {@code workDir()/NAME.log}. */
    Daemon startServer(String name, List<String> command);

    /**
     * Starts {@code command} in the gateway namespace in the background: only for what a router
     * itself runs on its links (a DHCP relay), never for traffic sources, whose packets would
     * not cross the capture as a client's or a server's do.
     */
    Daemon startGateway(String name, List<String> command);

    /** Starts {@code command} in the client namespace in the background (parallel clients, a flood to stop later). */
    Daemon startClient(String name, List<String> command);

    /** Runs {@code command} in the client namespace to its end; exceeding {@code limit} is an error. */
    CommandResult client(String name, Duration limit, List<String> command);

    /** Runs {@code command} in the server namespace to its end. */
    CommandResult server(String name, Duration limit, List<String> command);

    /** Runs {@code command} on the host, outside the namespaces, for steps without network traffic (openssl, ssh-keygen). */
    CommandResult host(String name, Duration limit, List<String> command);

    /**
     * Waits until something in the server namespace listens on TCP {@code port} (checked with
     * {@code ss} inside the namespace, so the check itself puts no packet into the capture).
     */
    void awaitTcpListener(int port, Duration limit);

    /**
     * Waits until something in namespace {@code ns} ({@code net().serverNs()} or
     * {@code net().gatewayNs()}) has a UDP socket on {@code port}, checked with {@code ss} as
     * {@link #awaitTcpListener} does: for daemons that speak UDP only (a DHCP server, a relay).
     */
    void awaitUdpListener(String ns, int port, Duration limit);

    /** Sleeps a random time between {@code min} and {@code max} (seeded). */
    void pause(Duration min, Duration max);

    /** The wall clock in epoch nanoseconds: the clock the capture's timestamps come from. */
    long nowNanos();

    /** Declares that connections matching {@code flow} that start at any time in this run are {@code category}/{@code label}. */
    void label(FlowPattern flow, TruthCategory category, String label);

    /** As {@link #label(FlowPattern, TruthCategory, String)} for connections starting in [{@code startNanos}, {@code endNanos}]. */
    void label(long startNanos, long endNanos, FlowPattern flow, TruthCategory category, String label);

    /** A number the tool itself reported (ports tried, attempts made), kept in the manifest for checks. */
    void report(String key, long value);

    /** A line in the scenario's log ({@code DIR/SCENARIO.log}). */
    void log(String line);
}
