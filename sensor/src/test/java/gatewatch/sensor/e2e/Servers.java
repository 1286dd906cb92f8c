package gatewatch.sensor.e2e;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The servers of the server namespace: the JDK's own web server ({@code jwebserver}) on port 80
 * over a small site, and {@link TinyDns} on port 53, both started as children (so the test needs no
 * server package) and checked from the client namespace before capture starts.
 */
final class Servers implements AutoCloseable {
    private static final Duration READY = Duration.ofSeconds(60);

    final ChildProcess http;
    final ChildProcess dns;

    private Servers(ChildProcess http, ChildProcess dns) {
        this.http = http;
        this.dns = dns;
    }

    static Servers start(NamespacePair net, String domain, Path work) throws IOException, InterruptedException {
        Path site = makeSite(work.resolve("site"));
        Path javaBin = Path.of(System.getProperty("java.home"), "bin");
        ChildProcess http = ChildProcess.start("jwebserver", net.inServer(javaBin.resolve("jwebserver").toString(),
                "-b", net.serverIp(), "-p", "80", "-d", site.toString(), "-o", "info"), work.resolve("http.log"));
        ChildProcess dns = null;
        try {
            List<String> dnsCommand = new ArrayList<>(List.of(javaBin.resolve("java").toString(), "-Xmx64m", "-cp",
                    testClasses(), TinyDns.class.getName(), net.serverIp(), "53",
                    "www." + domain + "=" + net.serverIp(), "intranet." + domain + "=" + net.serverIp()));
            dns = ChildProcess.start("dns", net.inServer(dnsCommand.toArray(String[]::new)), work.resolve("dns.log"));
            Servers servers = new Servers(http, dns);
            servers.awaitReady(net, domain);
            return servers;
        } catch (IOException | InterruptedException | RuntimeException e) {
            http.close();
            if (dns != null) {
                dns.close();
            }
            throw e;
        }
    }

    private void awaitReady(NamespacePair net, String domain) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + READY.toNanos();
        Shell.Result web;
        Shell.Result name;
        do {
            Thread.sleep(200);
            if (!http.isAlive() || !dns.isAlive()) {
                throw new IllegalStateException("a server ended at start: " + http.log() + dns.log());
            }
            web = Shell.run(Duration.ofSeconds(5), net.inClient("curl", "-s", "-o", "/dev/null", "-w", "%{http_code}",
                    "--max-time", "2", "http://" + net.serverIp() + "/"));
            name = Shell.run(Duration.ofSeconds(5), net.inClient("dig", "@" + net.serverIp(), "+short", "+time=1",
                    "+tries=1", "www." + domain));
        } while (!(web.output().equals("200") && name.output().equals(net.serverIp())) && System.nanoTime() < deadline);
        if (!web.output().equals("200") || !name.output().equals(net.serverIp())) {
            throw new IllegalStateException("servers not ready after " + READY + ": http '" + web.output() + "', dns '"
                    + name.output() + "'\n" + http.log() + dns.log());
        }
    }

    /** An index page, a stylesheet, a news page and a 256 KiB download. */
    private static Path makeSite(Path root) throws IOException {
        Files.createDirectories(root.resolve("files"));
        Files.writeString(root.resolve("index.html"), """
                <!doctype html>
                <html><head><title>Intranet</title><link rel="stylesheet" href="/style.css"></head>
                <body><h1>Welcome</h1><p>Canteen menu, phone list and the <a href="/news.html">news</a>.</p>
                <p><a href="/files/report.bin">Quarterly report</a></p></body></html>
                """);
        Files.writeString(root.resolve("style.css"), "body { font-family: sans-serif; margin: 2em; }\nh1 { color: #246; }\n");
        Files.writeString(root.resolve("news.html"), "<!doctype html><html><body><h1>News</h1><p>"
                + "The network will be down for maintenance on Saturday. ".repeat(40) + "</p></body></html>\n");
        byte[] report = new byte[256 * 1024];
        new Random(42).nextBytes(report);
        Files.write(root.resolve("files/report.bin"), report);
        return root;
    }

    private static String testClasses() {
        try {
            return Path.of(TinyDns.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        try {
            http.close();
        } finally {
            dns.close();
        }
    }
}
