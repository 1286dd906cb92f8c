package gatewatch.sensor.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The live scenario of the end-to-end test, run once: namespaces and servers, {@code gatewatch run}
 * on the server's end of the veth pair, a normal phase (the client's IPv6 link-up chatter, curl,
 * dig), the attacks with the real tools
 * (nmap SYN scan; hping3 SYN floods from the attacker's own address and from a spoofed one that
 * does not answer, as KDD's neptune looked; nmap ICMP echo sweep of the network behind the server;
 * arpspoof telling the server that an on-link address is at the client's MAC), then SIGTERM. Keeps what the test asserts on; everything it writes stays in {@code target/e2e-live}
 * for a look after a failure.
 */
final class LiveScenario implements AutoCloseable {
    static final String DOMAIN = "gatewatch.test";
    /** Hosts of the network behind the server that answer the sweep. */
    static final int[] SWEEP_HOSTS_UP = {1, 20, 77};
    static final int SPOOFED_HOST = 66;
    /** The on-link address arpspoof tells the server is at the client's MAC (nobody holds it). */
    static final int ARP_CLAIMED_HOST = 99;
    /** arpspoof's run: Debian's (dsniff 2.4) sends a reply every 2 s, so 13 s make 7, past the 5 that alert. */
    private static final String ARPSPOOF_SECONDS = "13";
    static final int FLOOD_PACKETS = 20_000;
    /** Lets the 2-second traffic window empty between phases. */
    private static final Duration GAP = Duration.ofSeconds(3);
    /** Past the 5 s attempt and linger timeouts, so alerts of the attacks are written while capturing. */
    private static final Duration SETTLE = Duration.ofSeconds(7);
    private static final Duration TOOL_LIMIT = Duration.ofSeconds(120);
    private static final Duration STOP_HANG_LIMIT = Duration.ofSeconds(30);

    final Path work;
    final NamespacePair net;
    private Servers servers;
    private Daemon daemon;

    Phase normal;
    NormalTraffic.Counts normalCounts;
    final List<Phase> attacks = new ArrayList<>();
    Phase nmapScan;
    Phase synFlood;
    Phase spoofedSynFlood;
    Phase icmpSweep;
    /** Null when arpspoof (Debian: dsniff) is not installed. */
    Phase arpSpoof;
    String metricsBeforeStop;
    long alertsBeforeStop;
    ChildProcess.Termination termination;
    String daemonLog;
    List<Event> alerts;
    List<Event> records;

    private LiveScenario(Path work, NamespacePair net) {
        this.work = work;
        this.net = net;
    }

    /** The namespaces, or null when they cannot be made here. */
    static LiveScenario prepare(Path work) throws IOException, InterruptedException {
        deleteTree(work);
        Files.createDirectories(work);
        long pid = ProcessHandle.current().pid();
        int subnet = 20 + 2 * (int) (pid % 100); // x and x+1 in 20..219
        NamespacePair net = NamespacePair.create("gwe2e" + pid, "gwv" + pid, subnet, SWEEP_HOSTS_UP);
        return net == null ? null : new LiveScenario(work.toAbsolutePath(), net);
    }

    void run() throws IOException, InterruptedException {
        servers = Servers.start(net, DOMAIN, work);
        daemon = Daemon.start(net, work);
        daemon.awaitHealthy();

        // A workstation comes up (IPv6 on: DAD, MLD, router solicitations at about 1, 5 and 13 s)
        // and browses; its IPv6 goes off at the end so that its chatter stays inside the phase.
        Instant t0 = Instant.now();
        net.clientIpv6(true);
        normalCounts = new NormalTraffic(net, DOMAIN).run(20, Duration.ofMillis(900));
        net.clientIpv6(false);
        normal = new Phase("normal (IPv6 link-up, curl, dig)", "curl and dig, " + normalCounts, t0, Instant.now(), null);
        Thread.sleep(GAP);

        String server = net.serverIp();
        nmapScan = attack("nmap SYN scan", net.clientIp(), null,
                "nmap", "-sS", "-n", "-Pn", "-p", "1-1000", "--max-retries", "0", server);
        synFlood = attack("hping3 SYN flood", net.clientIp(), FLOOD_PACKETS + " packets transmitted",
                "hping3", "-S", "-p", "80", "-c", String.valueOf(FLOOD_PACKETS), "--faster", server);
        String spoofed = net.onLink(SPOOFED_HOST);
        spoofedSynFlood = attack("hping3 SYN flood, spoofed source", spoofed, FLOOD_PACKETS + " packets transmitted",
                "hping3", "-S", "-p", "80", "-a", spoofed, "-c", String.valueOf(FLOOD_PACKETS), "--faster", server);
        icmpSweep = attack("nmap ICMP echo sweep", net.clientIp(), "Nmap done: 256 IP addresses (" + SWEEP_HOSTS_UP.length
                + " hosts up)", "nmap", "-sn", "-PE", "-n", net.behindServer(0) + "/24");
        if (Shell.has("arpspoof")) {
            // SIGINT ends arpspoof as a user would (it then tries to re-arp the targets); -k in case that hangs.
            String claimed = net.onLink(ARP_CLAIMED_HOST);
            arpSpoof = attack("arpspoof", claimed, "arp reply", "timeout", "-s", "INT", "-k", "5", ARPSPOOF_SECONDS,
                    "arpspoof", "-i", net.clientIf, "-t", server, claimed);
        }

        Thread.sleep(SETTLE);
        metricsBeforeStop = daemon.metrics();
        alertsBeforeStop = Event.read(daemon.alerts).size();
        termination = daemon.terminate(STOP_HANG_LIMIT);
        daemonLog = daemon.log();
        alerts = Event.read(daemon.alerts);
        records = Event.read(daemon.records);
    }

    /** Runs one attack tool from the client namespace; its output must hold {@code expected}. */
    private Phase attack(String name, String actor, String expected, String... command)
            throws IOException, InterruptedException {
        Instant start = Instant.now();
        Shell.Result r = Shell.run(TOOL_LIMIT, net.inClient(command));
        Instant end = Instant.now();
        Files.writeString(work.resolve(command[0] + "-" + attacks.size() + ".out"), r.output());
        boolean ran = expected == null ? r.ok() : r.output().contains(expected);
        if (!ran) {
            throw new IllegalStateException(name + " did not run as expected (exit " + r.exit() + "):\n" + r.output());
        }
        Phase p = new Phase(name, String.join(" ", command), start, end, actor);
        attacks.add(p);
        Thread.sleep(GAP);
        return p;
    }

    List<Phase> phases() {
        List<Phase> all = new ArrayList<>();
        all.add(normal);
        all.addAll(attacks);
        return all;
    }

    /** Ends children by pid, then removes the namespaces by name; safe to call in any state. */
    @Override
    public void close() throws IOException, InterruptedException {
        try {
            if (daemon != null) {
                daemon.close();
            }
        } finally {
            try {
                if (servers != null) {
                    servers.close();
                }
            } finally {
                net.close();
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
