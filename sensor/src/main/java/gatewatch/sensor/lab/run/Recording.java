package gatewatch.sensor.lab.run;

import java.util.Map;

/**
 * What one scenario recording produced: the manifest entry.
 *
 * @param key          file base name: the scenario name, with {@code -seedN} for a seed other than 1
 * @param tools        tool command → version line as the tool printed it
 * @param connections  connections per label (from the capture and the truth)
 * @param labels       label → category
 * @param toolReport   numbers the tools reported (ports tried, attempts)
 */
public record Recording(String key, String scenario, long seed, String started, String ended, double elapsedSeconds,
        Map<String, String> tools, long packets, long dropped, Map<String, FileInfo> files,
        Map<String, Long> connections, long unlabelled, Map<String, String> labels, Map<String, Long> toolReport) {

    /** A written file: its name in the output directory, size and SHA-256. */
    public record FileInfo(String name, long bytes, String sha256) {
    }
}
