package gatewatch.sensor.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.Properties;

/**
 * {@code gatewatch_build_info}: always 1, with what is running as labels (gatewatch's version, the
 * model's version, Java's, libpcap's), as Prometheus exporters do, so a dashboard or an alert rule
 * can join on them ({@code * on(instance) group_left(model) gatewatch_build_info}).
 *
 * @param version gatewatch's version (see {@link #gatewatchVersion()})
 * @param model   the model's version, as {@code Ensemble.modelVersion()} gives it
 * @param libpcap libpcap's version, or {@code unknown}
 */
public record BuildInfoMetrics(String version, String model, String libpcap) implements MeterBinder {
    public BuildInfoMetrics {
        Objects.requireNonNull(version);
        Objects.requireNonNull(model);
        Objects.requireNonNull(libpcap);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("gatewatch.build.info", () -> 1)
                .description("Always 1; the labels say which gatewatch, model, Java and libpcap are running")
                .tag("version", version)
                .tag("model", model)
                .tag("java", Runtime.version().toString())
                .tag("libpcap", libpcap)
                .strongReference(true)
                .register(registry);
    }

    /**
     * The version as the .deb names it: a snapshot build's X-SNAPSHOT becomes X~TIMESTAMP (the
     * build's start, UTC), exactly as jdeb expands it, so {@code --version}, this gauge and
     * {@code dpkg -s} say the same (packaging/src/build/changelog.sh checks that they do);
     * {@code unknown} without build properties.
     */
    public static String gatewatchVersion() {
        Properties p = new Properties();
        try (InputStream in = BuildInfoMetrics.class.getResourceAsStream("/gatewatch-build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return debianVersion(p.getProperty("version", "unknown"), p.getProperty("build.timestamp", ""));
    }

    /** {@code mavenVersion} with a snapshot's {@code -SNAPSHOT} replaced by {@code ~timestamp} (14 digits). */
    public static String debianVersion(String mavenVersion, String timestamp) {
        String snapshot = "-SNAPSHOT";
        if (mavenVersion.endsWith(snapshot) && timestamp.matches("[0-9]{14}")) {
            return mavenVersion.substring(0, mavenVersion.length() - snapshot.length()) + "~" + timestamp;
        }
        return mavenVersion;
    }
}
