package gatewatch.sensor.cli;

/** Versions for {@code --version}: gatewatch (from the build), the bundled model, libpcap. */
final class BuildInfo {
    private BuildInfo() {
    }

    static String version() {
        return gatewatch.sensor.metrics.BuildInfoMetrics.gatewatchVersion();
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
