package gatewatch.sensor.lab.service;

import gatewatch.sensor.lab.scenario.Daemon;
import gatewatch.sensor.lab.scenario.LabRun;
import gatewatch.sensor.lab.scenario.Tool;
import gatewatch.sensor.lab.scenario.Tools;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * nginx in the server namespace on the server's address: plain HTTP on 80, HTTPS (TLS 1.2 and
 * 1.3, HTTP/1.1 and HTTP/2) on 443 with a self-signed certificate made by openssl for this run.
 * It serves a small site of seeded content: {@code /}, {@code /page1.html} ... {@code /page9.html},
 * {@code /style.css}, {@code /app.js}, {@code /api/status.json}, and {@code /big.bin} of
 * {@link #BIG_BYTES} bytes.
 */
public final class WebServer {
    /** Tools a scenario that uses this server must declare. */
    public static final List<Tool> TOOLS = List.of(Tools.NGINX, Tools.OPENSSL);
    public static final String HOST_NAME = "www.lab.test";
    public static final int BIG_BYTES = 4 << 20;
    public static final int PAGES = 9;

    private final Daemon nginx;

    private WebServer(Daemon nginx) {
        this.nginx = nginx;
    }

    /** Writes the site, the certificate and the configuration, starts nginx and waits until it listens on 80 and 443. */
    public static WebServer start(LabRun lab) {
        Path dir = lab.workDir();
        lab.writeFile("tls/.keep", "");
        lab.host("openssl-req", Duration.ofSeconds(30), List.of(lab.path(Tools.OPENSSL), "req", "-x509",
                "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2",
                "-subj", "/CN=" + HOST_NAME, "-addext", "subjectAltName=DNS:" + HOST_NAME + ",IP:" + lab.net().server(),
                "-keyout", dir.resolve("tls/key.pem").toString(), "-out", dir.resolve("tls/cert.pem").toString()))
                .requireOk();
        writeSite(lab);
        lab.writeFile("nginx-tmp/.keep", "");
        Path conf = lab.writeFile("nginx.conf", lab.template("nginx.conf",
                Map.of("DIR", dir.toString(), "ADDRESS", lab.net().server(), "NAME", HOST_NAME)));
        Daemon d = lab.startServer("nginx", List.of(lab.path(Tools.NGINX), "-p", dir.toString(), "-c", conf.toString()));
        lab.awaitTcpListener(80, Duration.ofSeconds(10));
        lab.awaitTcpListener(443, Duration.ofSeconds(10));
        return new WebServer(d);
    }

    private static void writeSite(LabRun lab) {
        RandomGenerator rnd = lab.random();
        StringBuilder index = new StringBuilder("<!doctype html><html><head><title>lab</title>"
                + "<link rel=stylesheet href=/style.css><script src=/app.js></script></head><body><h1>lab</h1><ul>\n");
        for (int i = 1; i <= PAGES; i++) {
            index.append("<li><a href=/page").append(i).append(".html>page ").append(i).append("</a></li>\n");
            lab.writeFile("www/page" + i + ".html", "<!doctype html><html><body><p>" + words(rnd, 50 + rnd.nextInt(2000))
                    + "</p></body></html>\n");
        }
        lab.writeFile("www/index.html", index.append("</ul></body></html>\n").toString());
        lab.writeFile("www/style.css", "body { font-family: sans-serif; }\n/* " + words(rnd, 300) + " */\n");
        lab.writeFile("www/app.js", "// " + words(rnd, 3000) + "\nconsole.log('lab');\n");
        lab.writeFile("www/api/status.json", "{\"status\":\"ok\",\"load\":" + rnd.nextInt(100) + "}\n");
        byte[] big = new byte[BIG_BYTES];
        rnd.nextBytes(big);
        lab.writeFile("www/big.bin", big);
    }

    /** {@code n} seeded words of filler text, a full stop after every twelfth: page content of the lab's sites. */
    public static String words(RandomGenerator rnd, int n) {
        String[] vocabulary = {"gateway", "packet", "lorem", "ipsum", "server", "client", "window", "record", "sensor",
            "network", "traffic", "label", "truth", "capture", "route"};
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(vocabulary[rnd.nextInt(vocabulary.length)]).append(i % 12 == 11 ? ". " : " ");
        }
        return sb.toString();
    }

    public Daemon process() {
        return nginx;
    }

    /** {@code http://SERVER} or {@code https://SERVER}, without a trailing slash. */
    public static String url(LabRun lab, boolean tls) {
        return (tls ? "https://" : "http://") + lab.net().server();
    }
}
