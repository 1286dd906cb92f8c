package gatewatch.sensor.lab.scenario.attack;

import gatewatch.features.truth.FlowPattern;
import gatewatch.features.truth.Proto;
import gatewatch.features.truth.TruthCategory;
import gatewatch.sensor.lab.CommandResult;
import gatewatch.sensor.lab.LabException;
import gatewatch.sensor.lab.scenario.Daemon;
import gatewatch.sensor.lab.scenario.LabRun;
import gatewatch.sensor.lab.scenario.Scenario;
import gatewatch.sensor.lab.scenario.Tool;
import gatewatch.sensor.lab.scenario.Tools;
import gatewatch.sensor.lab.service.WebServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP GET floods against nginx, labelled dos/{@value #LABEL} (KDD has no application-layer
 * flood; its "back" is a different thing, one request that makes Apache work hard). Two shapes:
 * ApacheBench without keep-alive, {@value #AB_REQUESTS} requests {@value #AB_CONCURRENCY} at a
 * time, each its own short connection (what most GET-flood bots do), from one client address;
 * then wrk for {@value #WRK_SECONDS} s over {@value #WRK_CONNECTIONS} keep-alive connections
 * carrying thousands of requests each, from another. A user browsing meanwhile is normal.
 */
public final class DosHttpFlood implements Scenario {
    public static final String LABEL = "http_flood";
    public static final int AB_REQUESTS = 3000;
    public static final int AB_CONCURRENCY = 50;
    public static final int WRK_CONNECTIONS = 20;
    public static final int WRK_SECONDS = 1;
    static final int AB_ALIAS = 24;
    static final int NORMAL_ALIAS = 49;
    private static final Pattern AB_COMPLETE = Pattern.compile("Complete requests:\\s+(\\d+)");
    private static final Pattern AB_FAILED = Pattern.compile("Failed requests:\\s+(\\d+)");
    private static final Pattern WRK_REQUESTS = Pattern.compile("(\\d+) requests in");

    @Override
    public String name() {
        return "dos-http-flood";
    }

    @Override
    public String summary() {
        return "dos/" + LABEL + ": ab (" + AB_REQUESTS + " requests, a connection each) and wrk (keep-alive) GET floods against nginx";
    }

    @Override
    public List<Tool> tools() {
        List<Tool> t = new ArrayList<>(WebServer.TOOLS);
        t.addAll(List.of(AttackTools.AB, AttackTools.WRK, Tools.CURL));
        return t;
    }

    @Override
    public void run(LabRun lab) throws Exception {
        WebServer.start(lab);
        String server = lab.net().server();
        String http = WebServer.url(lab, false);
        lab.label(FlowPattern.of(Proto.TCP, lab.net().clientAlias(NORMAL_ALIAS), server), TruthCategory.NORMAL, "normal");
        lab.label(FlowPattern.of(Proto.TCP, lab.net().clientAlias(AB_ALIAS), server).toPort(80), TruthCategory.DOS, LABEL);
        lab.label(FlowPattern.of(Proto.TCP, lab.net().client(), server).toPort(80), TruthCategory.DOS, LABEL);

        Daemon user = lab.startClient("user", browse(lab, http));
        lab.pause(Duration.ofMillis(300), Duration.ofMillis(800));
        CommandResult ab = lab.client("ab", Duration.ofSeconds(90), List.of(lab.path(AttackTools.AB), "-q",
                "-n", Integer.toString(AB_REQUESTS), "-c", Integer.toString(AB_CONCURRENCY),
                "-B", lab.net().clientAlias(AB_ALIAS), http + "/")).requireOk();
        lab.report("ab_complete_requests", number(AB_COMPLETE, ab, "ab"));
        lab.report("ab_failed_requests", number(AB_FAILED, ab, "ab"));
        lab.pause(Duration.ofMillis(500), Duration.ofMillis(1000));
        CommandResult wrk = lab.client("wrk", Duration.ofSeconds(WRK_SECONDS + 30), List.of(lab.path(AttackTools.WRK),
                "-t", "1", "-c", Integer.toString(WRK_CONNECTIONS), "-d", WRK_SECONDS + "s", http + "/api/status.json")).requireOk();
        lab.report("wrk_requests", number(WRK_REQUESTS, wrk, "wrk"));
        lab.report("wrk_connections", WRK_CONNECTIONS);
        user.await(60);
    }

    /** A user reading a few pages at a human pace during the flood (one curl per page, a shell loop). */
    private static List<String> browse(LabRun lab, String http) {
        StringBuilder script = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            script.append(lab.path(Tools.CURL)).append(" -sS -o /dev/null --interface ").append(lab.net().clientAlias(NORMAL_ALIAS))
                    .append(' ').append(http).append("/page").append(1 + lab.random().nextInt(WebServer.PAGES)).append(".html; sleep ")
                    .append(String.format(java.util.Locale.ROOT, "%.1f", 0.5 + lab.random().nextDouble() * 2)).append("; ");
        }
        return List.of("/bin/sh", "-c", script.toString());
    }

    static long number(Pattern p, CommandResult r, String tool) {
        Matcher m = p.matcher(r.output());
        if (!m.find()) {
            throw new LabException(tool + " printed no '" + p.pattern() + "': " + CommandResult.tail(r.output()));
        }
        return Long.parseLong(m.group(1));
    }
}
