package gatewatch.sensor.lab.corpus;

import gatewatch.sensor.lab.run.Manifest;
import gatewatch.sensor.lab.run.Recording;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The recordings that lab work directories ({@code lab corpus --work}, {@code lab run --out})
 * hold, as their {@code manifest.json} lists them, for deriving a corpus again without recording:
 * one per scenario and seed, a later directory's replacing an earlier one's (a scenario recorded
 * again), in scenario and seed order so that seed 1 is the one kept when seed 2 gives the same records.
 */
public final class LabRecordings {
    /** A recording and the directory its files are in. */
    public record Source(Path dir, Recording recording) {
    }

    private LabRecordings() {
    }

    /**
     * The recordings of {@code dirs}, only those of {@code scenarios} unless it is empty. A manifest
     * that cannot be read, or a pcap or truth file it lists that is missing, is an {@link IOException}
     * naming the file, before anything is derived.
     */
    public static List<Source> read(List<Path> dirs, Collection<String> scenarios, PrintStream progress) throws IOException {
        Map<String, Source> byKey = new TreeMap<>();
        for (Path dir : dirs) {
            for (Recording r : Manifest.recordings(dir)) {
                if (!scenarios.isEmpty() && !scenarios.contains(r.scenario())) {
                    continue;
                }
                Source old = byKey.put(CorpusEntry.key(r.scenario(), r.seed()), new Source(dir, r));
                if (old != null) {
                    progress.println("corpus: " + r.key() + ": the recording in " + dir + " replaces the one in " + old.dir());
                }
            }
        }
        List<Source> sources = byKey.values().stream()
                .sorted(Comparator.comparing((Source s) -> s.recording().scenario()).thenComparingLong(s -> s.recording().seed()))
                .toList();
        for (Source s : sources) {
            for (Path p : List.of(CorpusBuilder.pcap(s.dir(), s.recording()), CorpusBuilder.truth(s.dir(), s.recording()))) {
                if (!Files.isRegularFile(p)) {
                    throw new IOException(p + ": missing, though " + s.dir().resolve(Manifest.FILE) + " lists it");
                }
            }
        }
        return sources;
    }
}
