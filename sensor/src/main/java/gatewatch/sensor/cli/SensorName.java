package gatewatch.sensor.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The {@code sensor} field of events: configured, else the host name. */
final class SensorName {
    private SensorName() {
    }

    static String resolve(String configured) {
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            String env = System.getenv("HOSTNAME");
            return env != null ? env : "gatewatch";
        }
    }
}
