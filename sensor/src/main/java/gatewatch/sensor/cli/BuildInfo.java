package gatewatch.sensor.cli;

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
        return gatewatch.sensor.metrics.BuildInfoMetrics.gatewatchVersion();
    }

    static String debianVersion(String mavenVersion, String timestamp) {
        return gatewatch.sensor.metrics.BuildInfoMetrics.debianVersion(mavenVersion, timestamp);
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
