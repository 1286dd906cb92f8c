package gatewatch.sensor.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Versions for {@code --version}: gatewatch (from the build), the bundled model, libpcap. */
final class BuildInfo {
    private BuildInfo() {
    }

    /**
     * The version as the .deb names it: a snapshot build's X-SNAPSHOT becomes X~TIMESTAMP (the
     * build's start, UTC), exactly as jdeb expands it, so {@code --version} and {@code dpkg -s}
     * print the same string (packaging/src/build/changelog.sh checks that they do).
     */
    static String version() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/gatewatch-build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return debianVersion(p.getProperty("version", "unknown"), p.getProperty("build.timestamp", ""));
    }

    static String debianVersion(String mavenVersion, String timestamp) {
        String snapshot = "-SNAPSHOT";
        if (mavenVersion.endsWith(snapshot) && timestamp.matches("[0-9]{14}")) {
            return mavenVersion.substring(0, mavenVersion.length() - snapshot.length()) + "~" + timestamp;
        }
        return mavenVersion;
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
