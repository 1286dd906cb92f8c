package gatewatch.sensor.cli;

import gatewatch.detector.model.Ensemble;
import gatewatch.sensor.lab.corpus.CorpusBuilder;
import gatewatch.sensor.lab.corpus.CorpusEntry;
import gatewatch.sensor.lab.corpus.CorpusFiles;
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
 * and BASELINE-MODEL.md (the bundled model's alert and detection rates on every recording). A
 * recording that fails is reported and the others go on; the exit code is then 1.
 */
@Command(name = "corpus", mixinStandardHelpOptions = true,
        description = {"Record scenarios with their seeds, one at a time, and write the training corpus into DIR:",
            "SCENARIO-sSEED.data.gz (labelled kddcup.data lines), MANIFEST.json, MANIFEST.md, attack-types.txt and",
            "BASELINE-MODEL.md (the bundled model on every recording); docs/LAB.md.",
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

    @Mixin
    DebugOption debug;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<Scenario> chosen = new ArrayList<>();
        if (names == null || names.isEmpty()) {
            chosen.addAll(Scenarios.all());
        } else {
            for (String n : names) {
                Scenario s = Scenarios.byName(n);
                if (s == null) {
                    throw new UsageException("unknown scenario '" + n + "' (gatewatch lab list shows them)");
                }
                chosen.add(s);
            }
        }
        if (seeds != null && seeds.stream().anyMatch(s -> s < 1)) {
            throw new UsageException("--seeds must be positive, got " + seeds);
        }
        LabCommand.requireRoot();
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UsageException("--out " + out + " is not a directory");
        }
        Files.createDirectories(out);
        String prefix = Recorder.PREFIX + ProcessHandle.current().pid() + "-";
        Path workDir = work != null ? Files.createDirectories(work) : Files.createTempDirectory(prefix + "corpus");
        Ensemble model = Models.load(null);
        PrintStream err = System.err;
        CorpusBuilder builder = new CorpusBuilder(out, workDir, model, prefix, err);
        CorpusFiles files = new CorpusFiles(out, commandLine());
        List<Job> jobs = new ArrayList<>();
        for (Scenario s : chosen) {
            List<Long> own = seeds != null ? seeds : LongStream.rangeClosed(1, Math.max(1, s.corpusSeeds())).boxed().toList();
            own.forEach(seed -> jobs.add(new Job(s, seed)));
        }
        List<String> failed = new ArrayList<>();
        Map<String, Long> written = new HashMap<>(); // "scenario sha256" -> the seed that wrote it
        int identical = 0;
        long t0 = System.nanoTime();
        try {
            for (int i = 0; i < jobs.size(); i++) {
                Job j = jobs.get(i);
                String tag = String.format(Locale.ROOT, "corpus [%d/%d] %s seed %d", i + 1, jobs.size(), j.scenario().name(), j.seed());
                err.println(tag + ": recording");
                long t = System.nanoTime();
                try {
                    CorpusEntry e = builder.build(j.scenario(), j.seed());
                    Long same = written.putIfAbsent(j.scenario().name() + " " + e.sha256(), j.seed());
                    if (same != null) {
                        // The seed changed nothing the features see: a second copy would only weigh the scenario twice.
                        files.remove(e.key());
                        err.printf(Locale.ROOT, "%s: the same records as seed %d, not kept%n", tag, same);
                        identical++;
                        continue;
                    }
                    files.add(e);
                    err.printf(Locale.ROOT, "%s: done in %.1f s: %s, %,d bytes; bundled model: %s%n", tag, (System.nanoTime() - t) / 1e9,
                            e.connections(), e.bytes(), e.baseline().labels().stream()
                                    .map(l -> String.format(Locale.ROOT, "%s %.1f %% alerted", l.label(), 100 * l.alertedShare()))
                                    .collect(Collectors.joining(", ")));
                } catch (java.io.IOException | RuntimeException ex) {
                    err.println("gatewatch: " + tag + ": failed: " + ex.getMessage());
                    if (debug != null && debug.debug) {
                        ex.printStackTrace(err);
                    }
                    failed.add(CorpusEntry.key(j.scenario().name(), j.seed()));
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
        err.printf(Locale.ROOT, "corpus: %d of %d recordings written, %d the same as another seed's, %d failed, in %.1f s into %s%n",
                jobs.size() - failed.size() - identical, jobs.size(), identical, failed.size(), (System.nanoTime() - t0) / 1e9, out);
        if (!failed.isEmpty()) {
            err.println("gatewatch: failed: " + String.join(" ", failed));
            return ExitCodes.FAILURE;
        }
        return ExitCodes.OK;
    }

    private record Job(Scenario scenario, long seed) {
    }

    /** {@code gatewatch lab corpus ARGS} as it was given, for the generated files. */
    private String commandLine() {
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        int at = args.indexOf("corpus");
        return "sudo gatewatch lab corpus " + String.join(" ", args.subList(at + 1, args.size()));
    }
}
