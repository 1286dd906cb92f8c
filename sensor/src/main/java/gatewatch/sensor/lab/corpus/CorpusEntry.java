package gatewatch.sensor.lab.corpus;

import gatewatch.detector.eval.LabelResult;
import java.util.List;
import java.util.Map;

/**
 * One recording of the corpus, as {@code MANIFEST.json} lists it.
 *
 * @param key            {@code SCENARIO-sSEED}, the data file's base name
 * @param file           {@code KEY.data.gz}: the labelled kddcup.data lines, gzip without a time stamp
 * @param bytes          its size
 * @param sha256         its SHA-256
 * @param connections    connections per label (the lines of the file)
 * @param labels         label → category
 * @param tools          tool command → version line as the tool printed it
 * @param recordedAt     when the recording started (UTC)
 * @param elapsedSeconds how long the recording took
 * @param packets        packets captured
 * @param dropped        packets the capture dropped
 * @param toolReport     numbers the tools reported (ports tried, attempts)
 * @param baseline       the verdicts of the model the corpus command ran with on this recording
 */
public record CorpusEntry(String key, String scenario, long seed, String file, long bytes, String sha256,
        Map<String, Long> connections, Map<String, String> labels, Map<String, String> tools, String recordedAt,
        double elapsedSeconds, long packets, long dropped, Map<String, Long> toolReport, Baseline baseline) {

    /** The file base name of a scenario's recording with a seed. */
    public static String key(String scenario, long seed) {
        return scenario + "-s" + seed;
    }

    /**
     * How the model judged the recording ({@code gatewatch evaluate --capture} on its pcap and truth).
     *
     * @param modelVersion the model
     * @param connections  connections the replay reported
     * @param uncovered    connections no truth rule covers
     * @param labels       per truth label: connections, alerted, alerted in the own category, verdicts
     */
    public record Baseline(String modelVersion, long connections, long uncovered, List<LabelResult> labels) {
    }
}
