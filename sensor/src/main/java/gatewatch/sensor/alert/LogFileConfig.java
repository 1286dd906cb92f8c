package gatewatch.sensor.alert;

import java.nio.file.Path;

/**
 * A JSON-lines log file: where, when it rotates, how many rotated files are kept, and when it is
 * forced to disk.
 *
 * @param path         the live file; rotated files are {@code path.1} (newest) … {@code path.N}
 * @param maxBytes     rotate when the file would grow past this; 0 = never rotate by size
 *                     (logrotate + SIGHUP instead)
 * @param keep         rotated files kept
 * @param fsync        when to force the file to disk
 */
public record LogFileConfig(Path path, long maxBytes, int keep, FsyncPolicy fsync) {
    public LogFileConfig {
        if (path == null) {
            throw new IllegalArgumentException("path is required");
        }
        if (maxBytes < 0) {
            throw new IllegalArgumentException("max_bytes must be 0 (no rotation) or positive, got " + maxBytes);
        }
        if (keep < 0) {
            throw new IllegalArgumentException("keep must not be negative, got " + keep);
        }
        if (fsync == null) {
            throw new IllegalArgumentException("fsync is required");
        }
    }

    public static LogFileConfig simple(Path path) {
        return new LogFileConfig(path, 0, 0, FsyncPolicy.NEVER);
    }
}
