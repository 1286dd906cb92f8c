package gatewatch.detector.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The gatewatch version this build carries (from a resource Maven fills in). */
public final class BuildInfo {
    private BuildInfo() {
    }

    public static String version() {
        try (InputStream in = BuildInfo.class.getResourceAsStream("/gatewatch/detector/build.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
