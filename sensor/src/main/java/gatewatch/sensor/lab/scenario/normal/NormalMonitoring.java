package gatewatch.sensor.lab.scenario.normal;

import gatewatch.features.truth.FlowPattern;
import gatewatch.features.truth.Proto;
import gatewatch.features.truth.TruthCategory;
import gatewatch.sensor.lab.LabException;
import gatewatch.sensor.lab.net.Topology;
import gatewatch.sensor.lab.scenario.Daemon;
import gatewatch.sensor.lab.scenario.LabRun;
import gatewatch.sensor.lab.scenario.Scenario;
import gatewatch.sensor.lab.scenario.Tool;
import gatewatch.sensor.lab.scenario.Tools;
import gatewatch.sensor.lab.service.DnsServer;
import gatewatch.sensor.lab.service.SshServer;
import gatewatch.sensor.lab.service.WebServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * A monitoring server at work: every ~5 s a Nagios-like round of TCP connect checks
 * ({@code nc -z}) of {@value #PORTS} service ports on three server addresses (one of them a
 * database port that is down, answered by RST, as monitoring keeps seeing until someone fixes it),
 * HTTP(S) GET /health, a DNS lookup ({@code dig}) and a ping per host; a Prometheus-like scraper
 * fetching /metrics every 5 s; and a load balancer's HTTP/1.0 health check every 2 s. The services
 * are real: nginx, sshd, dnsmasq, mosquitto, and Python's http.server as an application and an
 * exporter. All normal.
 */
public final class NormalMonitoring implements Scenario {
    static final Tool NC = Tool.of("nc", "netcat-openbsd");
    static final int PORTS = 8;
    static final int ROUNDS = 10;
    static final long ROUND_MILLIS = 5000;
    static final int LB_ROUNDS = 24;
    static final long LB_MILLIS = 2000;
    static final int APP_PORT = 8080;
    static final int EXPORTER_PORT = 9100;
    static final int DOWN_PORT = 5432;
    private static final String HTTP_FORMAT = "'http %{response_code} %{url_effective}\\n'";

    /** A port a check connects to, and whether something listens there. */
    record Target(String host, int port, boolean up) {
        @Override
        public String toString() {
            return host + ":" + port;
        }
    }

    @Override
    public String name() {
        return "normal-monitoring";
    }

    @Override
    public String summary() {
        return "normal: monitoring every 2-5 s: nc -z checks of 8 ports on 3 hosts (one down: RST), /health, /metrics, dig, ping";
    }

    @Override
    public List<Tool> tools() {
        Set<Tool> t = new LinkedHashSet<>(WebServer.TOOLS);
        t.addAll(SshServer.TOOLS);
        t.addAll(DnsServer.TOOLS);
        t.addAll(List.of(NormalMqtt.MOSQUITTO, Tools.CURL, NormalDns.DIG, NC, Tools.PYTHON, NormalMqtt.SH));
        return List.copyOf(t);
    }

    @Override
    public void run(LabRun lab) throws Exception {
        Topology net = lab.net();
        String app = net.serverAlias(0);
        String db = net.serverAlias(1);
        // http.server looks up its own address when it binds: that must not become a DNS query on the wire.
        LabScripts.localNames(lab);
        WebServer.start(lab);
        lab.writeFile("www/health", "ok\n");
        SshServer.start(lab, "monitoring-" + lab.seed(), SshServer.Options.passwordGuessing(SshServer.DEFAULT_MAX_AUTH_TRIES));
        DnsServer.start(lab);
        String conf = lab.writeFile("mosquitto.conf", lab.template("mosquitto.conf", Map.of("DIR", lab.workDir().toString(),
                "ADDRESS", app))).toString();
        lab.startServer("mosquitto", List.of(lab.path(NormalMqtt.MOSQUITTO), "-c", conf));
        httpServer(lab, "app", app, APP_PORT, "{\"status\":\"up\"}\n");
        httpServer(lab, "exporter", db, EXPORTER_PORT, "ok\n");
        lab.awaitTcpListener(1883, Duration.ofSeconds(10));
        lab.awaitTcpListener(APP_PORT, Duration.ofSeconds(10));
        lab.awaitTcpListener(EXPORTER_PORT, Duration.ofSeconds(10));

        lab.label(FlowPattern.of(Proto.TCP, Topology.CLIENT_NET, Topology.SERVER_NET), TruthCategory.NORMAL, "normal");
        lab.label(FlowPattern.of(Proto.UDP, Topology.CLIENT_NET, net.server()).toPort(53), TruthCategory.NORMAL, "normal");
        // gatewatch makes each echo reply a record of its own, oriented from the host that answers.
        lab.label(FlowPattern.of(Proto.ICMP, Topology.CLIENT_NET, Topology.SERVER_NET).eitherDirection(), TruthCategory.NORMAL, "normal");

        RandomGenerator rnd = lab.random();
        List<Target> targets = targets(net);
        List<String> hosts = List.of(net.server(), app, db);
        String ping = LabScripts.python(lab, "icmp_ping.py").get(1);
        String pythonPing = lab.path(Tools.PYTHON) + " " + ping;
        List<String> nagios = new ArrayList<>();
        List<String> scraper = new ArrayList<>();
        String src = net.client();
        String scrapeSrc = net.clientAlias(40);
        for (int r = 0; r < ROUNDS; r++) {
            nagios.add(nagiosRound(lab.path(NC), lab.path(Tools.CURL), lab.path(NormalDns.DIG), pythonPing, src, net.server(),
                    targets, List.of("http://" + net.server() + "/health", "https://" + net.server() + "/health",
                            "http://" + app + ":" + APP_PORT + "/health"), hosts, 1000 + rnd.nextInt(60000)));
            scraper.add(httpGets(lab.path(Tools.CURL), scrapeSrc, false, List.of("http://" + db + ":" + EXPORTER_PORT + "/metrics",
                    "http://" + app + ":" + APP_PORT + "/metrics", "https://" + net.server() + "/")));
        }
        List<String> lb = new ArrayList<>();
        for (int r = 0; r < LB_ROUNDS; r++) {
            lb.add(httpGets(lab.path(Tools.CURL), net.clientAlias(41), true, List.of("http://" + net.server() + "/health")));
        }
        String sh = lab.path(NormalMqtt.SH);
        Daemon lbCheck = lab.startClient("lb-check", schedule(sh, lb, jittered(rnd, LB_ROUNDS, LB_MILLIS)));
        lab.pause(Duration.ofMillis(300), Duration.ofMillis(1200));
        Daemon monitor = lab.startClient("nagios", schedule(sh, nagios, jittered(rnd, ROUNDS, ROUND_MILLIS)));
        lab.pause(Duration.ofMillis(1500), Duration.ofMillis(3000));
        Daemon prometheus = lab.startClient("prometheus", schedule(sh, scraper, jittered(rnd, ROUNDS, ROUND_MILLIS)));
        long limit = ROUNDS * ROUND_MILLIS / 1000 + 40;
        for (Daemon d : List.of(monitor, prometheus, lbCheck)) {
            if (!d.await(limit)) {
                throw new LabException("a monitoring client did not end within " + limit + " s");
            }
        }
        String out = monitor.output();
        long up = NormalWebAssets.lines(out, "tcp up ");
        long down = NormalWebAssets.lines(out, "tcp down ");
        long expectedDown = ROUNDS * targets.stream().filter(t -> !t.up()).count();
        if (up + down != (long) ROUNDS * targets.size() || down != expectedDown) {
            throw new LabException("tcp checks: " + up + " up, " + down + " down; expected " + expectedDown + " down of "
                    + ROUNDS * targets.size());
        }
        lab.report("tcp_checks_up", up);
        lab.report("tcp_checks_down", down);
        lab.report("nagios_http_ok", NormalWebAssets.lines(out, "http 200 "));
        lab.report("dns_answers", NormalWebAssets.lines(out, "dns " + net.server()));
        lab.report("echo_requests", (long) ROUNDS * hosts.size());
        lab.report("echo_replies", out.lines().filter(l -> l.endsWith("received 1")).count());
        lab.report("scrapes_ok", NormalWebAssets.lines(prometheus.output(), "http 200 "));
        lab.report("lb_checks_ok", NormalWebAssets.lines(lbCheck.output(), "http 200 "));
    }

    /** The ports the monitor checks: nginx, sshd and dnsmasq on the server, mosquitto and the app on one alias, the exporter and a down database on another. */
    static List<Target> targets(Topology net) {
        String app = net.serverAlias(0);
        String db = net.serverAlias(1);
        return List.of(new Target(net.server(), 22, true), new Target(net.server(), 53, true), new Target(net.server(), 80, true),
                new Target(net.server(), 443, true), new Target(app, 1883, true), new Target(app, APP_PORT, true),
                new Target(db, EXPORTER_PORT, true), new Target(db, DOWN_PORT, false));
    }

    /** One round of checks as shell lines: every TCP port, the HTTP checks, a DNS lookup, a ping per host. */
    static String nagiosRound(String nc, String curl, String dig, String ping, String source, String dns, List<Target> targets,
            List<String> urls, List<String> hosts, int ident) {
        StringBuilder sh = new StringBuilder();
        for (Target t : targets) {
            sh.append("if ").append(nc).append(" -z -w 1 -s ").append(source).append(' ').append(t.host()).append(' ').append(t.port())
                    .append("; then echo 'tcp up ").append(t).append("'; else echo 'tcp down ").append(t).append("'; fi\n");
        }
        sh.append(httpGets(curl, source, false, urls));
        sh.append("echo \"dns $(").append(dig).append(" +short +time=1 +tries=1 -b ").append(source).append(" @").append(dns)
                .append(" www.").append(DnsServer.ZONE).append(" A)\"\n");
        for (int i = 0; i < hosts.size(); i++) {
            sh.append(ping).append(' ').append(source).append(' ').append(hosts.get(i)).append(" 1 1 ").append(ident + i).append('\n');
        }
        return sh.toString();
    }

    /** A GET of each URL with curl, one connection each; HTTP/1.0 ({@code -0}) as load balancers check. */
    static String httpGets(String curl, String source, boolean http10, List<String> urls) {
        StringBuilder sh = new StringBuilder();
        for (String u : urls) {
            sh.append(curl).append(" -s -k").append(http10 ? " -0" : "").append(" --max-time 3 -o /dev/null --interface ")
                    .append(source).append(" -w ").append(HTTP_FORMAT).append(' ').append(u).append('\n');
        }
        return sh.toString();
    }

    /** {@code n} periods of about {@code millis} each (+-10 %): a scheduler's own jitter. */
    static List<Long> jittered(RandomGenerator rnd, int n, long millis) {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(millis - millis / 10 + rnd.nextLong(millis / 5 + 1));
        }
        return out;
    }

    /**
     * The rounds as one shell script: each round in the background at its start time, so a slow
     * check does not delay the schedule (as a scheduler starts checks by the clock), then the wait.
     */
    static List<String> schedule(String sh, List<String> rounds, List<Long> periodsMillis) {
        StringBuilder s = new StringBuilder();
        for (int r = 0; r < rounds.size(); r++) {
            s.append("(\n").append(rounds.get(r)).append(") &\n");
            if (r + 1 < rounds.size()) {
                long p = periodsMillis.get(r);
                s.append("sleep ").append(p / 1000).append('.').append(String.format("%03d", p % 1000)).append('\n');
            }
        }
        return List.of(sh, "-c", s.append("wait\n").toString());
    }

    private static void httpServer(LabRun lab, String name, String address, int port, String health) {
        String dir = lab.writeFile(name + "/health", health).getParent().toString();
        lab.writeFile(name + "/metrics", "# TYPE up gauge\nup 1\n# TYPE requests_total counter\nrequests_total "
                + lab.random().nextInt(100000) + "\n");
        lab.startServer(name, List.of(lab.path(Tools.PYTHON), "-m", "http.server", Integer.toString(port), "--bind", address,
                "--directory", dir));
    }
}
