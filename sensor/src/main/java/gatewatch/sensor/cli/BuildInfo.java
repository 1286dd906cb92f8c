package gatewatch.sensor.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Versions for {@code --version}: gatewatch (from the build), the bundled model, libpcap. */
final class BuildInfo {
    private BuildInfo() {
    }

    static String version() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/gatewatch-build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return p.getProperty("version", "unknown");
    }

    static String modelVersion() {
        try {
            return gatewatch.detector.model.Ensemble.loadDefault().modelVersion() + " (bundled)";
        } catch (RuntimeException e) {
            return "none (" + e.getMessage() + ")";
        }
    }

    static String libpcapVersion() {
        try {
            return org.pcap4j.core.Pcaps.libVersion();
        } catch (RuntimeException | LinkageError e) {
            return "not available (" + e.getMessage() + ")";
        }
    }
}
