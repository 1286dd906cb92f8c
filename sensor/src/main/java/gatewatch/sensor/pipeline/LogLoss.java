package gatewatch.sensor.pipeline;

import java.nio.file.Path;

/**
 * Lines one log of a run could not write (a full disk, say): what the summary reports.
 *
 * @param log     {@code alerts} or {@code records}
 * @param path    the file
 * @param written lines written whole
 * @param lost    lines that could not be written, counted and never half written
 * @param reason  why the last write failed (the system's message), or null when none did
 */
public record LogLoss(String log, Path path, long written, long lost, String reason) {
}
