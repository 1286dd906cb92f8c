package gatewatch.sensor.lab.scenario.attack;

import gatewatch.features.truth.FlowPattern;
import gatewatch.features.truth.Proto;
import gatewatch.features.truth.TruthCategory;
import gatewatch.sensor.lab.scenario.Daemon;
import gatewatch.sensor.lab.scenario.LabRun;
import gatewatch.sensor.lab.scenario.Scenario;
import gatewatch.sensor.lab.scenario.Tool;
import gatewatch.sensor.lab.scenario.Tools;
import gatewatch.sensor.lab.service.WebServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A slowhttptest run against nginx from the client's main address (slowhttptest cannot choose
 * its source): every TCP connection from that address to port 80 is the attack's, its
 * availability probes included; a user fetching pages from another address meanwhile is normal.
 * Two scenarios (no KDD name fits either: KDD has no connection-exhaustion attack on a web server):
 * <ul>
 * <li>{@link #slowloris()}: slowhttptest -H, about 300 connections, each sending an unfinished
 *     request header and one more header line every 5 s, held for 30 s; dos/slowloris;</li>
 * <li>{@link #slowPost()}: slowhttptest -B (R-U-Dead-Yet), about 300 POSTs to nginx's form
 *     handler {@code /form} (which reads the whole body before answering), each announcing 8 KiB
 *     and sending a few bytes every 5 s, held for 30 s; dos/slow_post.</li>
 * </ul>
 *
 * @param mode  slowhttptest's mode option
 * @param path  the URL path attacked
 * @param label the dos label
 */
public record DosSlowHttp(String name, String mode, String path, String label, String what) implements Scenario {
    /** Connections slowhttptest aims to hold; nginx here allows 512 per worker. */
    static final int CONNECTIONS = 300;
    static final int RATE = 100;
    /** Seconds between the follow-up header lines or body bytes of each connection. */
    static final int INTERVAL = 5;
    /** The test's length in seconds, after which slowhttptest closes what it holds. */
    static final int SECONDS = 30;
    static final int NORMAL_ALIAS = 49;
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*[A-Za-z]");
    private static final Pattern STATE = Pattern.compile("(initializing|pending|connected|error|closed):\\s+(\\d+)");

    public static DosSlowHttp slowloris() {
        return new DosSlowHttp("dos-slowloris", "-H", "/", "slowloris", "slow-header connections");
    }

    public static DosSlowHttp slowPost() {
        return new DosSlowHttp("dos-slow-post", "-B", "/form", "slow_post", "slow-body POSTs");
    }

    @Override
    public String summary() {
        return "dos/" + label + ": slowhttptest " + mode + ", " + CONNECTIONS + " " + what + " to nginx for " + SECONDS + " s";
    }

    @Override
    public List<Tool> tools() {
        List<Tool> t = new ArrayList<>(WebServer.TOOLS);
        t.addAll(List.of(AttackTools.SLOWHTTPTEST, Tools.CURL));
        return t;
    }

    /** slowhttptest's arguments for {@code mode} ({@code -H} or {@code -B}) against {@code url}. */
    static List<String> arguments(String mode, String url) {
        List<String> a = new ArrayList<>(List.of(mode, "-c", Integer.toString(CONNECTIONS), "-r", Integer.toString(RATE),
                "-i", Integer.toString(INTERVAL), "-l", Integer.toString(SECONDS), "-x", "24", "-p", "3", "-u", url));
        if (mode.equals("-B")) {
            a.addAll(List.of("-s", "8192", "-t", "POST"));
        }
        return a;
    }

    /** Starts nginx, labels the traffic, runs the test with a user browsing beside it, and reports slowhttptest's final counts. */
    @Override
    public void run(LabRun lab) {
        WebServer.start(lab);
        String server = lab.net().server();
        String http = WebServer.url(lab, false);
        lab.label(FlowPattern.of(Proto.TCP, lab.net().clientAlias(NORMAL_ALIAS), server), TruthCategory.NORMAL, "normal");
        lab.label(FlowPattern.of(Proto.TCP, lab.net().client(), server).toPort(80), TruthCategory.DOS, label);
        List<String> c = new ArrayList<>();
        c.add(lab.path(AttackTools.SLOWHTTPTEST));
        c.addAll(arguments(mode, http + path));
        Daemon attack = lab.startClient("slowhttptest", c);
        for (int i = 0; i < 4; i++) {
            lab.pause(Duration.ofSeconds(3), Duration.ofSeconds(8));
            // The user may be refused or kept waiting: that is what the attack does, not a failure.
            lab.client("user" + i, Duration.ofSeconds(20), List.of(lab.path(Tools.CURL), "-sS", "-m", "10", "-o", "/dev/null",
                    "--interface", lab.net().clientAlias(NORMAL_ALIAS), http + "/page" + (1 + lab.random().nextInt(WebServer.PAGES)) + ".html"));
        }
        attack.await(SECONDS + 40L);
        for (Map.Entry<String, Long> e : finalCounts(attack.output()).entrySet()) {
            lab.report(e.getKey(), e.getValue());
        }
        lab.report("connections_target", CONNECTIONS);
    }

    /** The last value slowhttptest printed for each connection state (its colour codes stand between name and number). */
    static Map<String, Long> finalCounts(String output) {
        Map<String, Long> last = new LinkedHashMap<>();
        Matcher m = STATE.matcher(ANSI.matcher(output).replaceAll(""));
        while (m.find()) {
            last.put(m.group(1), Long.parseLong(m.group(2)));
        }
        return last;
    }
}
