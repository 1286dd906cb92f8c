package gatewatch.sensor.lab.scenario.attack;

import gatewatch.features.truth.FlowPattern;
import gatewatch.features.truth.Proto;
import gatewatch.features.truth.TruthCategory;
import gatewatch.sensor.lab.CommandResult;
import gatewatch.sensor.lab.LabException;
import gatewatch.sensor.lab.net.Topology;
import gatewatch.sensor.lab.scenario.Daemon;
import gatewatch.sensor.lab.scenario.LabRun;
import gatewatch.sensor.lab.scenario.Scenario;
import gatewatch.sensor.lab.scenario.Tool;
import gatewatch.sensor.lab.scenario.Tools;
import gatewatch.sensor.lab.service.VulnWebApp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An application-layer GET flood as a botnet makes it, the other shape beside
 * {@link DosHttpFlood}'s two tools at full speed from one address each: {@value #BOTS} client
 * addresses, each a bot of the template {@code http_bots.py} (python3's http.client) at its own
 * bounded rate of {@value #MIN_RATE}-{@value #MAX_RATE} requests a second for
 * {@value #SECONDS} s, joining during a {@value #RAMP} s ramp-up, mixing one request per
 * connection with keep-alive sessions of 2-8, over the shop's PHP pages, static files and missing
 * pages with cache-busting query strings and browser User-Agents. Meanwhile
 * {@value #CUSTOMERS} customers browse the shop with curl from addresses of their own, a few
 * pages per connection at human pauses, and log in: normal. Every bot address is dos/{@value
 * DosHttpFlood#LABEL}; nginx's access log counts what the server saw of each side.
 */
public final class DosHttpFloodBots implements Scenario {
    static final int BOTS = 24;
    static final int FIRST_BOT_ALIAS = 0;
    static final int CUSTOMERS = 6;
    static final int FIRST_CUSTOMER_ALIAS = 40;
    static final int SECONDS = 25;
    static final int RAMP = 4;
    static final double MIN_RATE = 3;
    static final double MAX_RATE = 8;
    static final int CUSTOMER_VISITS = 8;
    static final List<String> CUSTOMER_AGENTS = List.of(
            "Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15");
    private static final Pattern TOTAL = Pattern.compile("(?m)^total requests (\\d+) connections (\\d+) errors (\\d+)$");

    @Override
    public String name() {
        return "dos-http-flood-bots";
    }

    @Override
    public String summary() {
        return "dos/" + DosHttpFlood.LABEL + ": " + BOTS + " bots (python3 http.client, " + (int) MIN_RATE + "-" + (int) MAX_RATE
                + " requests/s each, close and keep-alive, varied paths and User-Agents) flood the shop for " + SECONDS
                + " s; " + CUSTOMERS + " customers browse meanwhile (normal)";
    }

    @Override
    public List<Tool> tools() {
        return VulnWebApp.TOOLS;
    }

    @Override
    public void run(LabRun lab) throws Exception {
        VulnWebApp app = VulnWebApp.start(lab);
        writeStaticPages(lab);
        String server = lab.net().server();
        for (FlowPattern f : botFlows(lab.net())) {
            lab.label(f, TruthCategory.DOS, DosHttpFlood.LABEL);
        }
        lab.label(FlowPattern.of(Proto.TCP, Topology.CLIENT_NET, server).toPort(80), TruthCategory.NORMAL, "normal");

        List<Daemon> customers = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            customers.add(lab.startClient("customer" + i, List.of("/bin/sh", "-c",
                    customerScript(lab.random(), lab.path(Tools.CURL), lab.net().clientAlias(FIRST_CUSTOMER_ALIAS + i), VulnWebApp.url(lab)))));
        }
        lab.pause(Duration.ofMillis(1500), Duration.ofMillis(2500));
        lab.writeFile("http_bots.py", lab.template("http_bots.py", Map.of()));
        CommandResult bots = lab.client("bots", Duration.ofSeconds(SECONDS + 40), botCommand(lab)).requireOk();
        long[] total = totals(bots.output());
        for (Daemon c : customers) {
            c.await(60);
        }
        long[] served = {0, 0};
        for (String bot : bots(lab.net())) {
            long[] s = app.served(bot);
            served[0] += s[0];
            served[1] += s[1];
        }
        lab.report("bot_requests", total[0]);
        lab.report("bot_connections", total[1]);
        lab.report("bot_errors", total[2]);
        lab.report("server_bot_requests", served[0]);
        lab.report("server_bot_connections", served[1]);
    }

    /** The shop's static side, so that the bots (and customers) also ask for files nginx serves itself. */
    private static void writeStaticPages(LabRun lab) {
        StringBuilder catalogue = new StringBuilder("<!doctype html>\n<html><head><title>Catalogue</title>"
                + "<link rel=stylesheet href=/style.css></head><body>\n<h1>Catalogue</h1>\n<ul>\n");
        for (String p : VulnWebApp.PRODUCTS) {
            catalogue.append("<li><a href=\"/search.php?q=").append(p).append("\">").append(p).append("</a></li>\n");
        }
        lab.writeFile("app/catalogue.html", catalogue.append("</ul>\n</body></html>\n").toString());
        lab.writeFile("app/about.html", "<!doctype html>\n<html><head><title>About</title><link rel=stylesheet href=/style.css>"
                + "</head><body>\n<h1>About the lab shop</h1>\n<p>" + "Small furniture and kitchenware, shipped within two days. ".repeat(20)
                + "</p>\n</body></html>\n");
        lab.writeFile("app/style.css", "body { font-family: sans-serif; margin: 2em; }\nh1 { color: #335; }\n"
                + "li { margin: 0.3em 0; }\n".repeat(10));
    }

    /** The bot addresses: client aliases {@value #FIRST_BOT_ALIAS} and up. */
    static List<String> bots(Topology net) {
        return net.clientAliases(FIRST_BOT_ALIAS, BOTS);
    }

    /** One rule per bot address: everything a bot opens to the web server is the flood. */
    static List<FlowPattern> botFlows(Topology net) {
        return bots(net).stream().map(b -> FlowPattern.of(Proto.TCP, b, net.server()).toPort(80)).toList();
    }

    private static List<String> botCommand(LabRun lab) {
        List<String> c = new ArrayList<>(List.of(lab.path(Tools.PYTHON), lab.workDir().resolve("http_bots.py").toString(),
                lab.net().server(), Long.toString(lab.seed()), Integer.toString(SECONDS), Integer.toString(RAMP),
                Double.toString(MIN_RATE), Double.toString(MAX_RATE)));
        c.addAll(bots(lab.net()));
        return c;
    }

    /**
     * A customer's session as a shell script: {@value #CUSTOMER_VISITS} visits, each curl fetching
     * one to three pages over one keep-alive connection with a browser's User-Agent, a login now
     * and then, and a pause of 1.5-5 s to read.
     */
    static String customerScript(RandomGenerator rnd, String curl, String source, String base) {
        String agent = CUSTOMER_AGENTS.get(rnd.nextInt(CUSTOMER_AGENTS.size()));
        String common = curl + " -sS -o /dev/null --interface " + source + " -A '" + agent + "'";
        List<String> pages = List.of("/", "/catalogue.html", "/about.html", "/search.php?q=", "/search.php?q=");
        StringBuilder script = new StringBuilder();
        for (int v = 0; v < CUSTOMER_VISITS; v++) {
            if (v > 0 && rnd.nextInt(4) == 0) {
                script.append(common).append(" -d 'user=").append(VulnWebApp.CUSTOMER).append("&pass=")
                        .append(VulnWebApp.CUSTOMER_PASSWORD).append("' ").append(base).append("/login.php; ");
            } else {
                script.append(common);
                int n = 1 + rnd.nextInt(3);
                for (int p = 0; p < n; p++) {
                    String page = pages.get(rnd.nextInt(pages.size()));
                    if (page.endsWith("=")) {
                        page += VulnWebApp.PRODUCTS.get(rnd.nextInt(VulnWebApp.PRODUCTS.size()));
                    }
                    script.append(p == 0 ? " " : " -o /dev/null ").append('\'').append(base).append(page).append('\'');
                }
                script.append("; ");
            }
            script.append("sleep ").append(String.format(Locale.ROOT, "%.1f", 1.5 + rnd.nextDouble() * 3.5)).append("; ");
        }
        return script.append("true").toString();
    }

    /** The bot script's total line: {requests, connections, errors}. */
    static long[] totals(String output) {
        Matcher m = TOTAL.matcher(output);
        if (!m.find()) {
            throw new LabException("the bots printed no total line: " + CommandResult.tail(output));
        }
        return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3))};
    }
}
