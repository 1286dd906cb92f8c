package gatewatch.sensor.lab.scenario.normal;

import gatewatch.features.truth.FlowPattern;
import gatewatch.features.truth.Proto;
import gatewatch.features.truth.TruthCategory;
import gatewatch.sensor.lab.CommandResult;
import gatewatch.sensor.lab.net.Topology;
import gatewatch.sensor.lab.scenario.Daemon;
import gatewatch.sensor.lab.scenario.LabRun;
import gatewatch.sensor.lab.scenario.Scenario;
import gatewatch.sensor.lab.scenario.Tool;
import gatewatch.sensor.lab.scenario.Tools;
import gatewatch.sensor.lab.service.WebServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Web browsing against nginx: plain HTTP, HTTPS with TLS 1.2 and 1.3 over HTTP/1.1 and HTTP/2,
 * keep-alive and parallel connections, large downloads, and clients that close with RST (a
 * download cut by curl's time limit, a socket closed with SO_LINGER 0). All of it normal.
 */
public final class NormalWeb implements Scenario {
    private static final Duration LIMIT = Duration.ofSeconds(30);

    @Override
    public String name() {
        return "normal-web";
    }

    @Override
    public String summary() {
        return "normal: curl against nginx, HTTP and HTTPS (TLS 1.2/1.3, HTTP/1.1 and 2), keep-alive, parallel, downloads, RST closes";
    }

    @Override
    public List<Tool> tools() {
        List<Tool> t = new ArrayList<>(WebServer.TOOLS);
        t.addAll(List.of(Tools.CURL, Tools.PYTHON));
        return t;
    }

    @Override
    public void run(LabRun lab) throws Exception {
        WebServer.start(lab);
        String http = WebServer.url(lab, false);
        String https = WebServer.url(lab, true);
        lab.label(FlowPattern.of(Proto.TCP, Topology.CLIENT_NET, lab.net().server()).toPort(80), TruthCategory.NORMAL, "normal");
        lab.label(FlowPattern.of(Proto.TCP, Topology.CLIENT_NET, lab.net().server()).toPort(443), TruthCategory.NORMAL, "normal");

        // A page with its assets over one keep-alive connection, plain and over TLS 1.2 / HTTP/1.1.
        curl(lab, "page-http", lab.net().client(), List.of("--http1.1"), http, "/", "/style.css", "/app.js");
        lab.pause(Duration.ofMillis(300), Duration.ofMillis(1500));
        curl(lab, "page-tls12", lab.net().client(), List.of("--tlsv1.2", "--tls-max", "1.2", "--http1.1"), https,
                "/", "/style.css", "/app.js", "/page1.html");
        lab.pause(Duration.ofMillis(300), Duration.ofMillis(1500));
        // TLS 1.3 with HTTP/2: several requests multiplexed on one connection.
        curl(lab, "page-tls13-h2", lab.net().clientAlias(0), List.of("--tlsv1.3", "--http2"), https,
                "/", "/style.css", "/app.js", "/page2.html", "/api/status.json");
        lab.pause(Duration.ofMillis(300), Duration.ofMillis(1500));
        // A browser's parallel connections: HTTP/1.1, up to six at once.
        List<String> many = new ArrayList<>();
        for (int i = 1; i <= WebServer.PAGES; i++) {
            many.add("/page" + i + ".html");
        }
        curl(lab, "parallel-tls12", lab.net().clientAlias(1), List.of("--http1.1", "--parallel", "--parallel-max", "6"),
                https, many.toArray(String[]::new));
        // Several users at once, each its own curl.
        List<Daemon> users = new ArrayList<>();
        for (int u = 0; u < 5; u++) {
            String page = "/page" + (1 + lab.random().nextInt(WebServer.PAGES)) + ".html";
            boolean tls = lab.random().nextBoolean();
            users.add(lab.startClient("user" + u, curlCommand(lab, lab.net().clientAlias(2 + u),
                    tls ? List.of("--http2") : List.of(), tls ? https : http, "/", page)));
            lab.pause(Duration.ofMillis(20), Duration.ofMillis(200));
        }
        for (Daemon d : users) {
            d.await(LIMIT.toSeconds());
        }
        lab.pause(Duration.ofMillis(300), Duration.ofMillis(1500));
        // Large downloads, over HTTP/2 with TLS 1.3 and over plain HTTP.
        curl(lab, "download-tls13", lab.net().client(), List.of("--http2"), https, "/big.bin");
        lab.pause(Duration.ofMillis(300), Duration.ofMillis(1000));
        curl(lab, "download-http", lab.net().clientAlias(1), List.of(), http, "/big.bin");
        lab.pause(Duration.ofMillis(300), Duration.ofMillis(1000));
        // A download the client abandons after the headers (too large): curl closes with the body
        // unread, so the kernel sends RST. curl exits 63 for that.
        CommandResult cut = lab.client("download-abandoned", LIMIT, curlCommand(lab, lab.net().client(),
                List.of("--max-filesize", "100000"), http, "/big.bin"));
        if (cut.exit() != 63) {
            cut.requireOk();
        }
        lab.pause(Duration.ofMillis(300), Duration.ofMillis(1000));
        // A client that reads part of a response and aborts with SO_LINGER 0 (RST instead of FIN).
        lab.writeFile("rst_close.py", RST_CLOSE);
        for (int i = 0; i < 2; i++) {
            lab.client("rst-close" + i, LIMIT, List.of(lab.path(Tools.PYTHON), lab.workDir().resolve("rst_close.py").toString(),
                    lab.net().client(), lab.net().server(), i == 0 ? "80" : "443")).requireOk();
            lab.pause(Duration.ofMillis(200), Duration.ofMillis(800));
        }
        // Browsing at a human pace.
        for (int i = 0; i < 8; i++) {
            String page = "/page" + (1 + lab.random().nextInt(WebServer.PAGES)) + ".html";
            boolean tls = lab.random().nextInt(4) != 0;
            curl(lab, "browse" + i, lab.net().clientAlias(lab.random().nextInt(8)),
                    tls ? List.of(lab.random().nextBoolean() ? "--http2" : "--http1.1") : List.of(), tls ? https : http,
                    page, "/style.css");
            lab.pause(Duration.ofMillis(200), Duration.ofMillis(2000));
        }
    }

    private static void curl(LabRun lab, String name, String source, List<String> options, String base, String... paths) {
        lab.client(name, LIMIT, curlCommand(lab, source, options, base, paths)).requireOk();
    }

    private static List<String> curlCommand(LabRun lab, String source, List<String> options, String base, String... paths) {
        List<String> c = new ArrayList<>(List.of(lab.path(Tools.CURL), "-sS", "-k", "--interface", source,
                "-w", "%{http_version} %{response_code} %{size_download} %{url_effective}\\n"));
        c.addAll(options);
        for (String p : paths) {
            c.addAll(List.of("-o", "/dev/null", base + p));
        }
        return c;
    }

    /** argv: source address, server address, port. Port 443 speaks TLS (certificate not checked). */
    private static final String RST_CLOSE = """
            import socket, ssl, struct, sys
            src, dst, port = sys.argv[1], sys.argv[2], int(sys.argv[3])
            raw = socket.create_connection((dst, port), source_address=(src, 0), timeout=10)
            s = raw
            if port == 443:
                ctx = ssl.create_default_context()
                ctx.check_hostname = False
                ctx.verify_mode = ssl.CERT_NONE
                s = ctx.wrap_socket(raw, server_hostname="www.lab.test")
            s.sendall(b"GET /big.bin HTTP/1.1\\r\\nHost: www.lab.test\\r\\n\\r\\n")
            got = 0
            while got < 200000:
                chunk = s.recv(65536)
                if not chunk:
                    break
                got += len(chunk)
            s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            s.close()
            print("read", got, "bytes, closed with RST")
            """;
}
