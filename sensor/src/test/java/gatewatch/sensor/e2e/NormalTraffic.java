package gatewatch.sensor.e2e;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The normal phase: what a person browsing an intranet site generates, from the client namespace,
 * with the real tools: curl looking the site's name up (the C library's resolver asks the DNS server
 * for A and AAAA) and fetching a page and its stylesheet over one kept-alive connection about once a
 * second, now and then a larger download or a missing page (404), and dig asking the DNS server for
 * names, some that exist (A), their AAAA (none), and a typo (NXDOMAIN). Every tool run is checked,
 * so a broken server fails the scenario instead of passing it quietly.
 */
final class NormalTraffic {
    /** Connections and queries made, to hold the records log against. */
    record Counts(int httpConnections, int httpRequests, int dnsQueries) {
    }

    private static final Duration TOOL_LIMIT = Duration.ofSeconds(20);

    private final NamespacePair net;
    private final String domain;
    private int httpConnections;
    private int httpRequests;
    private int dnsQueries;

    NormalTraffic(NamespacePair net, String domain) {
        this.net = net;
        this.domain = domain;
    }

    /** {@code rounds} rounds {@code pause} apart. */
    Counts run(int rounds, Duration pause) throws IOException, InterruptedException {
        String site = "http://www." + domain;
        for (int i = 0; i < rounds; i++) {
            if (i % 3 == 0) {
                dig("www." + domain, "A", net.serverIp());
            }
            http(List.of(site + "/", site + "/style.css"), "200 200");
            if (i % 4 == 1) {
                http(List.of(site + "/files/report.bin"), "200");
            }
            if (i % 5 == 2) {
                dig("www." + domain, "AAAA", "");
                dig("wwww." + domain, "A", "");
            }
            if (i % 6 == 3) {
                http(List.of(site + "/old/agenda.html"), "404");
                dig("intranet." + domain, "A", net.serverIp());
                http(List.of("http://intranet." + domain + "/news.html"), "200");
            }
            Thread.sleep(pause);
        }
        return new Counts(httpConnections, httpRequests, dnsQueries);
    }

    /** One curl run: the URLs over one connection, each status as expected. */
    private void http(List<String> urls, String expectedStatuses) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("curl", "-sS", "--max-time", "10", "-A", "Mozilla/5.0 (X11; Linux x86_64)",
                "-w", "%{http_code} "));
        for (String url : urls) {
            cmd.addAll(List.of("-o", "/dev/null", url));
        }
        Shell.Result r = Shell.run(TOOL_LIMIT, net.inClient(cmd.toArray(String[]::new)));
        if (!r.ok() || !r.output().strip().equals(expectedStatuses)) {
            throw new IllegalStateException("normal traffic: curl " + urls + " gave exit " + r.exit() + ", '"
                    + r.output() + "', expected statuses '" + expectedStatuses + "'");
        }
        httpConnections++;
        httpRequests += urls.size();
    }

    /** One dig query over UDP; the answer (+short) as expected. */
    private void dig(String name, String type, String expectedAnswer) throws IOException, InterruptedException {
        Shell.Result r = Shell.run(TOOL_LIMIT, net.inClient("dig", "@" + net.serverIp(), "+short", "+time=2",
                "+tries=1", name, type));
        if (!r.ok() || !r.output().strip().equals(expectedAnswer)) {
            throw new IllegalStateException("normal traffic: dig " + name + " " + type + " gave exit " + r.exit()
                    + ", '" + r.output() + "', expected '" + expectedAnswer + "'");
        }
        dnsQueries++;
    }
}
