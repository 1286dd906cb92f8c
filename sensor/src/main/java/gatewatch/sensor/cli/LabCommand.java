package gatewatch.sensor.cli;

import gatewatch.sensor.lab.LabException;
import gatewatch.sensor.lab.run.Cleaner;
import gatewatch.sensor.lab.run.Recorder;
import gatewatch.sensor.lab.scenario.Scenario;
import gatewatch.sensor.lab.scenario.Scenarios;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gatewatch lab}: labelled captures made with real daemons, clients and attack tools in
 * network namespaces (docs/LAB.md).
 */
@Command(name = "lab", mixinStandardHelpOptions = true,
        description = "Record labelled captures of real traffic in network namespaces (needs root). See docs/LAB.md.",
        subcommands = {LabCommand.ListScenarios.class, LabCommand.Record.class, LabCommand.Clean.class, LabCorpusCommand.class})
public final class LabCommand implements Runnable {
    @Mixin
    DebugOption debug;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: list, record, corpus or clean");
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the scenarios.")
    static final class ListScenarios implements Callable<Integer> {
        @Mixin
        DebugOption debug;

        @Override
        public Integer call() {
            for (Scenario s : Scenarios.all()) {
                System.out.printf("%-24s %s%n", s.name(), s.summary());
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "record", mixinStandardHelpOptions = true,
            description = {"Record scenarios: DIR/SCENARIO.pcap, DIR/SCENARIO.truth, DIR/SCENARIO.log, DIR/manifest.json.",
                "Exit 1 when a scenario failed or left connections no truth rule covers."})
    static final class Record implements Callable<Integer> {
        @ArgGroup(exclusive = true, multiplicity = "1")
        Which which;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (created).")
        Path out;

        @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
                description = "Seed of the scenarios' random choices (default: ${DEFAULT-VALUE}; other seeds name files SCENARIO-seedS.*).")
        long seed;

        @Option(names = "--keep-work", description = "Keep each run's work directory (configs, daemon logs) for debugging.")
        boolean keepWork;

        @Mixin
        DebugOption debug;

        static final class Which {
            @Parameters(arity = "1..*", paramLabel = "SCENARIO", description = "Scenarios to record (see lab list).")
            List<String> names;

            @Option(names = "--all", description = "Record every scenario.")
            boolean all;
        }

        @Override
        public Integer call() throws IOException {
            List<Scenario> chosen = new ArrayList<>();
            if (which.all) {
                chosen.addAll(Scenarios.all());
            } else {
                for (String n : which.names) {
                    Scenario s = Scenarios.byName(n);
                    if (s == null) {
                        throw new UsageException("unknown scenario '" + n + "' (gatewatch lab list shows them)");
                    }
                    chosen.add(s);
                }
            }
            requireRoot();
            if (Files.exists(out) && !Files.isDirectory(out)) {
                throw new UsageException("--out " + out + " is not a directory");
            }
            Recorder recorder = new Recorder(out, seed, Recorder.PREFIX + ProcessHandle.current().pid() + "-", keepWork, System.err);
            List<String> failed = new ArrayList<>();
            long t0 = System.nanoTime();
            for (Scenario s : chosen) {
                try {
                    recorder.record(s);
                } catch (LabException e) {
                    System.err.println("gatewatch: " + e.getMessage());
                    failed.add(s.name());
                }
            }
            System.err.printf("lab: recorded %d of %d scenarios in %.1f s into %s%n", chosen.size() - failed.size(),
                    chosen.size(), (System.nanoTime() - t0) / 1e9, out);
            if (!failed.isEmpty()) {
                System.err.println("gatewatch: failed: " + String.join(" ", failed));
                return ExitCodes.FAILURE;
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "clean", mixinStandardHelpOptions = true,
            description = "Remove what killed lab runs left behind (namespaces " + Recorder.PREFIX + "*, their processes, work directories).")
    static final class Clean implements Callable<Integer> {
        @Mixin
        DebugOption debug;

        @Option(names = "--force", description = "Also remove what belongs to lab runs that are still running.")
        boolean force;

        @Override
        public Integer call() {
            requireRoot();
            List<String> removed = Cleaner.clean(force);
            removed.forEach(r -> System.out.println("removed " + r));
            if (removed.isEmpty()) {
                System.out.println("nothing to remove");
            }
            return ExitCodes.OK;
        }
    }

    static void requireRoot() {
        if (!isRoot()) {
            throw new UsageException("gatewatch lab needs root (it creates network namespaces and runs daemons in them)");
        }
    }

    private static boolean isRoot() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith("Uid:")).anyMatch(l -> l.split("\\s+")[2].equals("0"));
        } catch (IOException e) {
            return false;
        }
    }
}
