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
import gatewatch.sensor.lab.service.WebServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Legitimate bursts of web requests: page loads and crawls of a generated site ({@link AssetSite},
 * an index with 50-120 assets and a few dozen pages) on nginx, all at once from different client
 * addresses, as a busy site sees them. Browsers ({@code curl}: the page, then its uncached assets
 * over up to six parallel HTTP/1.1 connections, or multiplexed over one HTTP/2 connection, then a
 * reading pause), a polite keep-alive crawler ({@code wget -r -l 2 -p --wait=0.1}), a crawler
 * that opens a connection per request ({@code wget --no-http-keep-alive --wait=0.2}), a page saved
 * with its requisites ({@code wget -p}) and a link checker that runs one {@code curl} per URL.
 * Rates are the clients' own (at most ~10 new connections a second per crawler, six at once
 * per browser); all of it normal.
 */
public final class NormalWebAssets implements Scenario {
    static final Tool WGET = Tool.of("wget", "wget", "--version");
    static final int BROWSERS = 5;
    static final int PARALLEL = 6;
    static final String CRAWLER_WAIT = "0.1";
    static final String NO_KEEPALIVE_WAIT = "0.2";
    static final String CHECKER_PAUSE = "0.1";
    private static final long LIMIT_SECONDS = 90;
    private static final String FORMAT = "'%{response_code} %{num_connects} %{url_effective}\\n'";

    @Override
    public String name() {
        return "normal-web-assets";
    }

    @Override
    public String summary() {
        return "normal: page loads (6 parallel connections, HTTP/2), wget crawls with and without keep-alive and a link checker,"
                + " at once against nginx serving a site of ~100 assets";
    }

    @Override
    public List<Tool> tools() {
        List<Tool> t = new ArrayList<>(WebServer.TOOLS);
        t.addAll(List.of(Tools.CURL, WGET));
        return t;
    }

    @Override
    public void run(LabRun lab) throws Exception {
        WebServer.start(lab);
        AssetSite site = AssetSite.generate(lab.random());
        site.write(lab);
        lab.label(FlowPattern.of(Proto.TCP, Topology.CLIENT_NET, lab.net().server()).toPort(80), TruthCategory.NORMAL, "normal");
        lab.label(FlowPattern.of(Proto.TCP, Topology.CLIENT_NET, lab.net().server()).toPort(443), TruthCategory.NORMAL, "normal");
        RandomGenerator rnd = lab.random();
        Topology net = lab.net();
        String curl = lab.path(Tools.CURL);
        String wget = lab.path(WGET);
        Map<String, Daemon> clients = new LinkedHashMap<>();
        Path crawl = lab.writeFile("crawl/.keep", "").getParent();

        clients.put("crawler", lab.startClient("crawler", politeCrawler(wget, net.clientAlias(20), base(lab, rnd.nextBoolean()),
                crawl.resolve("polite").toString())));
        lab.pause(Duration.ofMillis(200), Duration.ofMillis(1500));
        long browserRequests = 0;
        for (int b = 0; b < BROWSERS; b++) {
            boolean tls = rnd.nextInt(3) != 0;
            boolean h2 = tls && rnd.nextInt(3) == 0;
            List<String> visits = visits(site, rnd);
            List<Long> pauses = new ArrayList<>();
            for (int v = 1; v < visits.size(); v++) {
                pauses.add(1500 + rnd.nextLong(4500));
            }
            List<String> argv = browser(curl, b == 0 ? net.client() : net.clientAlias(b), base(lab, tls), h2, site, visits, pauses);
            browserRequests += visits.size() + site.uncachedCount(visits);
            clients.put("browser" + b, lab.startClient("browser" + b, argv));
            lab.pause(Duration.ofMillis(300), Duration.ofMillis(2500));
        }
        clients.put("crawler-close", lab.startClient("crawler-close", closingCrawler(wget, net.clientAlias(21),
                base(lab, rnd.nextBoolean()), crawl.resolve("close").toString())));
        lab.pause(Duration.ofMillis(500), Duration.ofMillis(3000));
        String saved = site.pages().get(rnd.nextInt(site.pages().size()));
        clients.put("save-page", lab.startClient("save-page", savePage(wget, net.clientAlias(22), base(lab, true) + saved,
                crawl.resolve("saved").toString())));
        lab.pause(Duration.ofMillis(500), Duration.ofMillis(3000));
        List<String> checked = new ArrayList<>(List.of(AssetSite.INDEX));
        checked.addAll(site.requisite().get(AssetSite.INDEX));
        checked.addAll(site.pages());
        clients.put("link-checker", lab.startClient("link-checker", linkChecker(curl, net.clientAlias(23), base(lab, false), checked)));

        for (Map.Entry<String, Daemon> c : clients.entrySet()) {
            if (!c.getValue().await(LIMIT_SECONDS)) {
                throw new LabException(c.getKey() + " did not end within " + LIMIT_SECONDS + " s");
            }
        }
        long browserOk = 0;
        for (int b = 0; b < BROWSERS; b++) {
            browserOk += lines(clients.get("browser" + b).output(), "200 ");
        }
        if (browserOk != browserRequests) {
            throw new LabException("browsers got " + browserOk + " answers 200 of " + browserRequests + " requests");
        }
        lab.report("site_files", site.files().size());
        lab.report("index_assets", site.requisite().get(AssetSite.INDEX).size());
        lab.report("browser_requests", browserRequests);
        lab.report("browser_connections", connects(clients, "browser"));
        lab.report("link_checker_requests", checked.size());
        lab.report("link_checker_ok", lines(clients.get("link-checker").output(), "200 "));
        lab.report("crawler_files", wgetFiles(clients.get("crawler").output()));
        lab.report("crawler_close_files", wgetFiles(clients.get("crawler-close").output()));
        lab.report("save_page_files", wgetFiles(clients.get("save-page").output()));
        lab.report("nginx_requests", accessLogLines(lab.workDir().resolve("nginx-access.log")));
    }

    /** The pages one browser user visits: the index or a page first, then 2-4 pages. */
    static List<String> visits(AssetSite site, RandomGenerator rnd) {
        List<String> v = new ArrayList<>();
        v.add(rnd.nextInt(4) == 0 ? site.pages().get(rnd.nextInt(site.pages().size())) : AssetSite.INDEX);
        for (int i = 0, n = 2 + rnd.nextInt(3); i < n; i++) {
            v.add(site.pages().get(rnd.nextInt(site.pages().size())));
        }
        return v;
    }

    /**
     * A browser session as a shell script: per visit the page, then its assets not yet cached in
     * one {@code curl --parallel} (up to six HTTP/1.1 connections, or one HTTP/2 connection), then
     * a reading pause ({@code pausesMillis}, one fewer than visits).
     */
    static List<String> browser(String curl, String source, String base, boolean h2, AssetSite site, List<String> visits,
            List<Long> pausesMillis) {
        String fetch = curl + " -sS --no-progress-meter -k --interface " + source + (h2 ? " --http2" : " --http1.1") + " -w " + FORMAT;
        StringBuilder sh = new StringBuilder();
        Set<String> cache = new HashSet<>();
        for (int i = 0; i < visits.size(); i++) {
            if (i > 0) {
                sh.append("sleep ").append(seconds(pausesMillis.get(i - 1))).append('\n');
            }
            sh.append(fetch).append(" -o /dev/null ").append(base).append(visits.get(i)).append('\n');
            List<String> assets = site.uncached(visits.get(i), cache);
            if (!assets.isEmpty()) {
                sh.append(fetch).append(" --parallel --parallel-max ").append(PARALLEL);
                for (String a : assets) {
                    sh.append(" -o /dev/null ").append(base).append(a);
                }
                sh.append('\n');
            }
        }
        return List.of("/bin/sh", "-c", sh.toString());
    }

    /** A polite crawler: keep-alive, two levels of links with each page's requisites, 0.1 s between requests. */
    static List<String> politeCrawler(String wget, String source, String base, String dir) {
        return List.of(wget, "-r", "-l", "2", "-p", "--wait=" + CRAWLER_WAIT, "-nd", "--delete-after", "-nv",
                "--no-check-certificate", "--bind-address=" + source, "-P", dir, base + AssetSite.INDEX);
    }

    /** A crawler of one level that opens a new connection for every request, 0.2 s apart. */
    static List<String> closingCrawler(String wget, String source, String base, String dir) {
        return List.of(wget, "-r", "-l", "1", "--no-http-keep-alive", "--wait=" + NO_KEEPALIVE_WAIT, "-nd", "--delete-after",
                "-nv", "--no-check-certificate", "--bind-address=" + source, "-P", dir, base + AssetSite.INDEX);
    }

    /** A page saved with everything it needs to display ({@code wget -p}), over one keep-alive connection. */
    static List<String> savePage(String wget, String source, String url, String dir) {
        return List.of(wget, "-p", "-nd", "--delete-after", "-nv", "--no-check-certificate", "--bind-address=" + source,
                "-P", dir, url);
    }

    /** A link checker script: one curl (one connection) per URL, a short pause between them. */
    static List<String> linkChecker(String curl, String source, String base, List<String> paths) {
        StringBuilder sh = new StringBuilder("for u in");
        for (String p : paths) {
            sh.append(' ').append(p);
        }
        sh.append("; do\n  ").append(curl).append(" -s -o /dev/null --interface ").append(source).append(" -w ").append(FORMAT)
                .append(' ').append(base).append("$u\n  sleep ").append(CHECKER_PAUSE).append("\ndone\n");
        return List.of("/bin/sh", "-c", sh.toString());
    }

    private static String base(LabRun lab, boolean tls) {
        return WebServer.url(lab, tls);
    }

    private static String seconds(long millis) {
        return millis / 1000 + "." + String.format("%03d", millis % 1000);
    }

    /** Lines of curl's {@link #FORMAT} output that start with {@code prefix}. */
    static long lines(String output, String prefix) {
        return output.lines().filter(l -> l.startsWith(prefix)).count();
    }

    /** The sum of curl's num_connects over the browsers' output: the connections they opened. */
    private static long connects(Map<String, Daemon> clients, String prefix) {
        long n = 0;
        for (Map.Entry<String, Daemon> c : clients.entrySet()) {
            if (c.getKey().startsWith(prefix)) {
                for (String l : c.getValue().output().lines().toList()) {
                    String[] w = l.split(" ");
                    if (w.length == 3 && w[1].matches("\\d+")) {
                        n += Long.parseLong(w[1]);
                    }
                }
            }
        }
        return n;
    }

    /** wget -nv's closing line {@code Downloaded: N files, ...}, or -1. */
    static long wgetFiles(String output) {
        return LabScripts.count(output.replace("Downloaded:", "Downloaded"), "Downloaded");
    }

    private static long accessLogLines(Path log) {
        try (var lines = Files.lines(log)) {
            return lines.count();
        } catch (IOException e) {
            return -1;
        }
    }
}
