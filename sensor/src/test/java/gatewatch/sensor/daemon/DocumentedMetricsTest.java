package gatewatch.sensor.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import gatewatch.detector.model.Ensemble;
import gatewatch.features.testing.SharedData;
import gatewatch.sensor.capture.PcapFileSource;
import gatewatch.sensor.config.ConfigLoader;
import gatewatch.sensor.config.SensorConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every metric name the documentation mentions (README, docs/, the install guide, the man page,
 * the shipped configuration) is served by a real daemon's {@code /metrics}: the daemon as
 * {@code gatewatch run} builds it, with a forwarder, over a capture file, scraped over HTTP.
 * A name in the docs that the endpoint does not serve sends an operator's dashboard to nothing.
 */
class DocumentedMetricsTest {
    /** A metric name, or a family ending in {@code _*}. Package file names ({@code gatewatch_0.1_amd64.deb}) are not. */
    private static final Pattern NAME = Pattern.compile("gatewatch_[a-z][a-z0-9_]*(\\*)?");
    private static final Path ROOT = Path.of("..");

    @TempDir
    Path tmp;

    @Test
    void everyMetricTheDocsNameIsServed() throws Exception {
        Path capture = SharedData.require("pcaps/normal/zeek-ftp-ipv4.pcap");
        Set<String> documented = documentedNames();
        assertThat(documented).as("names found in the docs").contains("gatewatch_sink_alerts_total");

        Set<String> served = scrape(capture);
        List<String> missing = new ArrayList<>();
        for (String name : documented) {
            boolean found = name.endsWith("*")
                    ? served.stream().anyMatch(s -> s.startsWith(name.substring(0, name.length() - 1)))
                    : served.contains(name) || Stream.of("_bucket", "_count", "_sum", "_max")
                            .anyMatch(suffix -> served.contains(name + suffix));
            if (!found) {
                missing.add(name);
            }
        }
        assertThat(missing).as("documented but not served; served: %s", served).isEmpty();
        assertThat(served).contains("gatewatch_build_info");
    }

    private Set<String> scrape(Path capture) throws Exception {
        SensorConfig config = new ConfigLoader().parse("""
                alerts:
                  path: %s
                metrics:
                  listen: 127.0.0.1:0
                forwarders:
                  - type: syslog-udp
                    host: 127.0.0.1
                    port: 9
                """.formatted(tmp.resolve("alerts.json")));
        try (SensorDaemon daemon = new SensorDaemon(config, Ensemble.loadDefault(), "docs-test", List.of());
                PcapFileSource source = PcapFileSource.open(capture);
                HttpClient client = HttpClient.newHttpClient()) {
            InetSocketAddress endpoint = daemon.startEndpoint();
            daemon.run(source, SystemdNotifier.fromEnvironment());
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + endpoint.getPort() + "/metrics")).timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            return r.body().lines().filter(l -> !l.startsWith("#") && !l.isBlank())
                    .map(l -> l.split("[{ ]", 2)[0])
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static Set<String> documentedNames() throws IOException {
        List<Path> files = new ArrayList<>(List.of(ROOT.resolve("README.md"),
                ROOT.resolve("packaging/README-install.md"),
                ROOT.resolve("packaging/src/main/man/gatewatch.1.in"),
                ROOT.resolve("packaging/src/main/conf/gatewatch.yaml")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).forEach(files::add);
        }
        Set<String> names = new TreeSet<>();
        for (Path f : files) {
            // The man page escapes underscores in some macros; read it as the reader sees it.
            Matcher m = NAME.matcher(Files.readString(f).replace("\\_", "_"));
            while (m.find()) {
                String name = m.group();
                if (!name.contains("_amd64") && !name.equals("gatewatch_*")) {
                    names.add(name);
                }
            }
        }
        return names;
    }
}
