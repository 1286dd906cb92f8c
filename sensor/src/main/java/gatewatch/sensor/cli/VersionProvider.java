package gatewatch.sensor.cli;

import picocli.CommandLine;

/** {@code gatewatch --version}: gatewatch, the bundled model and libpcap. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = GatewatchCommand.class.getPackage().getImplementationVersion();
        return new String[] {
            "gatewatch " + (version != null ? version : BuildInfo.version()),
            "model " + BuildInfo.modelVersion(),
            "libpcap " + BuildInfo.libpcapVersion(),
            "java " + Runtime.version(),
        };
    }
}
