package gatewatch.sensor.config;

import gatewatch.sensor.alert.FsyncPolicy;
import gatewatch.sensor.alert.LogFileConfig;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code alerts:} and {@code records:} — a JSON-lines log file.
 *
 * @param path     the file; for {@code records}, empty = no records log
 * @param maxBytes rotate past this size; 0 = never (rotate with logrotate and SIGHUP instead)
 * @param keep     rotated files kept ({@code FILE.1} … {@code FILE.N})
 * @param fsync    {@code never}, {@code batch} or {@code always}
 */
public record LogSection(Path path, Long maxBytes, Integer keep, String fsync) {

    public LogSection {
        maxBytes = maxBytes != null ? maxBytes : 0L;
        keep = keep != null ? keep : 5;
        fsync = fsync != null ? fsync : "batch";
    }

    /** Checks the values; {@code key} is the section's name in the file. */
    void validate(String key) {
        if (maxBytes < 0) {
            throw new ConfigException(key + ".max_bytes: must be 0 (no rotation) or positive, got " + maxBytes);
        }
        if (keep < 0 || keep > 1000) {
            throw new ConfigException(key + ".keep: must be between 0 and 1000, got " + keep);
        }
        if (policy() == null) {
            throw new ConfigException(key + ".fsync: must be never, batch or always, got '" + fsync + "'");
        }
    }

    private FsyncPolicy policy() {
        for (FsyncPolicy p : FsyncPolicy.values()) {
            if (p.name().equalsIgnoreCase(fsync)) {
                return p;
            }
        }
        return null;
    }

    static LogSection alertDefaults() {
        return new LogSection(Path.of("/var/log/gatewatch/alerts.json"), 0L, 5, "batch");
    }

    static LogSection off() {
        return new LogSection(null, 0L, 5, "batch");
    }

    public boolean enabled() {
        return path != null && !path.toString().isBlank();
    }

    public LogFileConfig toLogFileConfig() {
        return new LogFileConfig(path, maxBytes, keep, policy());
    }

    /** The same settings for another file (a command-line override). */
    public LogSection withPath(Path p) {
        return new LogSection(p, maxBytes, keep, fsync.toLowerCase(Locale.ROOT));
    }
}
