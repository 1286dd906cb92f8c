package gatewatch.sensor.cli;

import gatewatch.detector.model.Ensemble;
import gatewatch.sensor.lab.corpus.CorpusBuilder;
import gatewatch.sensor.lab.corpus.CorpusEntry;
import gatewatch.sensor.lab.corpus.CorpusFiles;
import gatewatch.sensor.lab.corpus.LabRecordings;
import gatewatch.sensor.lab.run.Manifest;
import gatewatch.sensor.lab.run.Recorder;
import gatewatch.sensor.lab.run.WorkDirs;
import gatewatch.sensor.lab.scenario.Scenario;
import gatewatch.sensor.lab.scenario.Scenarios;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code gatewatch lab corpus --out DIR [--seeds 1,2] [SCENARIO...]}: records every scenario (or
 * the ones named) with each of its seeds, one at a time, and writes the training corpus: a gzip of
 * labelled kddcup.data lines per scenario and seed, MANIFEST.json, MANIFEST.md, attack-types.txt
 * and BASELINE-MODEL.md (the model's alert and detection rates on every recording). A recording
 * that fails is reported and the others go on; the exit code is then 1. With
 * {@code --from-recordings DIR} it records nothing and derives the same files from recordings kept
 * earlier ({@code --work DIR}), for when the feature extraction changed: no root needed.
 */
@Command(name = "corpus", mixinStandardHelpOptions = true,
        description = {"Record scenarios with their seeds, one at a time, and write the training corpus into DIR:",
            "SCENARIO-sSEED.data.gz (labelled kddcup.data lines), MANIFEST.json, MANIFEST.md, attack-types.txt and",
            "BASELINE-MODEL.md (the model on every recording); docs/LAB.md.",
            "With --from-recordings, derive them again from kept recordings instead (no root).",
            "Exit 1 when a recording failed (the others are written)."})
final class LabCorpusCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "SCENARIO", description = "Scenarios to record (default: all, see lab list).")
    List<String> names;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The corpus directory (created), e.g. sensor/lab-corpus.")
    Path out;

    @Option(names = "--seeds", split = ",", paramLabel = "S", description = "Seeds for every scenario (default: 1 to the scenario's own number of useful seeds).")
    List<Long> seeds;

    @Option(names = "--work", paramLabel = "DIR",
            description = "Keep the recordings (pcap, truth, log, lab manifest) in DIR (default: a temporary directory, removed).")
    Path work;

    @Option(names = "--from-recordings", paramLabel = "DIR",
            description = "Record nothing: derive the corpus from the recordings DIR/manifest.json lists (a --work DIR), "
                    + "all or those of the SCENARIOs; no root needed. Repeatable; a later DIR's recording of a scenario and "
                    + "seed replaces an earlier one's.")
    List<Path> fromRecordings;

    @Option(names = "--model", paramLabel = "MODEL", description = "Judge the recordings with MODEL for BASELINE-MODEL.md (default: the bundled model).")
    Path modelFile;

    @Mixin
    DebugOption debug;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        boolean derive = fromRecordings != null && !fromRecordings.isEmpty();
        List<String> pointless = new ArrayList<>();
        if (seeds != null) {
            pointless.add("--seeds");
        }
        if (work != null) {
            pointless.add("--work");
        }
        if (derive && !pointless.isEmpty()) {
            throw new UsageException(String.join(" and ", pointless) + (pointless.size() == 1 ? " is a recording option" : " are recording options")
                    + "; --from-recordings records nothing"
                    + " (its recordings have their seeds, and stay where they are)");
        }
        List<Scenario> chosen = derive ? List.of() : chosen();
        List<LabRecordings.Source> sources = derive ? sources() : List.of();
        if (seeds != null && seeds.stream().anyMatch(s -> s < 1)) {
            throw new UsageException("--seeds must be positive, got " + seeds);
        }
        if (!derive) {
            LabCommand.requireRoot();
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UsageException("--out " + out + " is not a directory");
        }
        Ensemble model = Models.load(modelFile);
        Files.createDirectories(out);
        String modelName = modelFile == null ? CorpusFiles.BUNDLED_MODEL : "the model " + modelFile;
        Keeper keeper = new Keeper(new CorpusFiles(out, commandLine(derive), modelName), modelName, System.err);
        CorpusBuilder builder = new CorpusBuilder(out, model);
        long t0 = System.nanoTime();
        int total = derive ? derive(builder, sources, keeper) : record(builder, chosen, keeper);
        List<String> failed = keeper.failed;
        System.err.printf(Locale.ROOT, "corpus: %d of %d recordings written, %d the same as another seed's, %d failed, in %.1f s into %s%n",
                total - failed.size() - keeper.identical, total, keeper.identical, failed.size(), (System.nanoTime() - t0) / 1e9, out);
        if (!failed.isEmpty()) {
            System.err.println("gatewatch: failed: " + String.join(" ", failed));
            return ExitCodes.FAILURE;
        }
        return ExitCodes.OK;
    }

    private List<Scenario> chosen() {
        if (names == null || names.isEmpty()) {
            return Scenarios.all();
        }
        List<Scenario> chosen = new ArrayList<>();
        for (String n : names) {
            Scenario s = Scenarios.byName(n);
            if (s == null) {
                throw new UsageException("unknown scenario '" + n + "' (gatewatch lab list shows them)");
            }
            chosen.add(s);
        }
        return chosen;
    }

    /** The recordings to derive from; a scenario named that none of them has is a usage error. */
    private List<LabRecordings.Source> sources() throws java.io.IOException {
        List<String> wanted = names == null ? List.of() : names;
        List<LabRecordings.Source> sources = LabRecordings.read(fromRecordings, wanted, System.err);
        List<String> absent = wanted.stream()
                .filter(n -> sources.stream().noneMatch(s -> s.recording().scenario().equals(n))).distinct().toList();
        if (!absent.isEmpty()) {
            throw new UsageException("no recording of " + String.join(", ", absent) + " in " + fromRecordings.stream()
                    .map(d -> d.resolve(Manifest.FILE).toString()).collect(Collectors.joining(", ")));
        }
        return sources;
    }

    /** Records every scenario with its seeds; returns how many recordings it tried. */
    private int record(CorpusBuilder builder, List<Scenario> chosen, Keeper keeper) throws java.io.IOException {
        String prefix = Recorder.PREFIX + ProcessHandle.current().pid() + "-";
        Path workDir = work != null ? Files.createDirectories(work) : Files.createTempDirectory(prefix + "corpus");
        List<Job> jobs = new ArrayList<>();
        for (Scenario s : chosen) {
            List<Long> own = seeds != null ? seeds : LongStream.rangeClosed(1, Math.max(1, s.corpusSeeds())).boxed().toList();
            own.forEach(seed -> jobs.add(new Job(s, seed)));
        }
        try {
            for (int i = 0; i < jobs.size(); i++) {
                Job j = jobs.get(i);
                String tag = String.format(Locale.ROOT, "corpus [%d/%d] %s seed %d", i + 1, jobs.size(), j.scenario().name(), j.seed());
                System.err.println(tag + ": recording");
                long t = System.nanoTime();
                try {
                    keeper.keep(builder.record(j.scenario(), j.seed(), workDir, prefix, System.err), tag, t);
                } catch (java.io.IOException | RuntimeException ex) {
                    System.err.println("gatewatch: " + tag + ": failed: " + ex.getMessage());
                    if (debug != null && debug.debug) {
                        ex.printStackTrace(System.err);
                    }
                    keeper.failed.add(CorpusEntry.key(j.scenario().name(), j.seed()));
                } finally {
                    if (work == null) {
                        WorkDirs.delete(workDir);
                        Files.createDirectories(workDir);
                    }
                }
            }
        } finally {
            if (work == null) {
                WorkDirs.delete(workDir);
            }
        }
        return jobs.size();
    }

    /**
     * Derives every recording's entry; returns how many. A recording that cannot be read stops the
     * run (exit 3): unlike a recording, trying again gives the same result.
     */
    private int derive(CorpusBuilder builder, List<LabRecordings.Source> sources, Keeper keeper) throws java.io.IOException {
        for (int i = 0; i < sources.size(); i++) {
            LabRecordings.Source src = sources.get(i);
            String tag = String.format(Locale.ROOT, "corpus [%d/%d] %s seed %d", i + 1, sources.size(), src.recording().scenario(),
                    src.recording().seed());
            System.err.println(tag + ": deriving from " + CorpusBuilder.pcap(src.dir(), src.recording()));
            long t = System.nanoTime();
            keeper.keep(builder.fromRecording(src.dir(), src.recording()), tag, t);
        }
        return sources.size();
    }

    private record Job(Scenario scenario, long seed) {
    }

    /** Writes the entries of a run, but not one whose records another seed of its scenario gave already. */
    private static final class Keeper {
        private final CorpusFiles files;
        private final String modelName;
        private final PrintStream err;
        private final Map<String, Long> written = new HashMap<>(); // "scenario sha256" -> the seed that wrote it
        final List<String> failed = new ArrayList<>();
        int identical;

        Keeper(CorpusFiles files, String modelName, PrintStream err) {
            this.files = files;
            this.modelName = modelName;
            this.err = err;
        }

        void keep(CorpusEntry e, String tag, long startNanos) throws java.io.IOException {
            Long same = written.putIfAbsent(e.scenario() + " " + e.sha256(), e.seed());
            if (same != null) {
                // The seed changed nothing the features see: a second copy would only weigh the scenario twice.
                files.remove(e.key());
                err.printf(Locale.ROOT, "%s: the same records as seed %d, not kept%n", tag, same);
                identical++;
                return;
            }
            files.add(e);
            err.printf(Locale.ROOT, "%s: done in %.1f s: %s, %,d bytes; %s: %s%n", tag, (System.nanoTime() - startNanos) / 1e9,
                    e.connections(), e.bytes(), modelName, e.baseline().labels().stream()
                            .map(l -> String.format(Locale.ROOT, "%s %.1f %% alerted", l.label(), 100 * l.alertedShare()))
                            .collect(Collectors.joining(", ")));
        }
    }

    /** {@code gatewatch lab corpus ARGS} as it was given, for the generated files; recording needs root. */
    private String commandLine(boolean derive) {
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        int at = args.indexOf("corpus");
        return (derive ? "" : "sudo ") + "gatewatch lab corpus " + String.join(" ", args.subList(at + 1, args.size()));
    }
}
