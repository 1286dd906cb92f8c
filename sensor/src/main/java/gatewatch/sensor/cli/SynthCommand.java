package gatewatch.sensor.cli;

import gatewatch.synth.Mix;
import gatewatch.synth.SynthReport;
import gatewatch.synth.SynthSpec;
import gatewatch.synth.Synthesizer;
import gatewatch.synth.truth.TruthFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gatewatch synth --out FILE}: a synthetic capture of a small site's normal traffic with
 * attack episodes in it, for the demo, for tests and for benchmarks at any size.
 */
@Command(name = "synth", mixinStandardHelpOptions = true,
        description = {
            "Write a synthetic capture (pcap, nanosecond timestamps, Ethernet) of normal traffic with attacks in it.",
            "The same options and seed always give the same bytes."
        },
        footer = {
            "",
            "Scenarios for --mix, and the KDD records they imitate:",
            "  normal            web, DNS, mail, FTP, telnet of 40 workstations",
            "  neptune           SYN flood to one server: S0, REJ",
            "  portsweep         half-open scan of one server: REJ, RSTO",
            "  ipsweep           echo requests to every address: eco_i",
            "  smurf             1,032-byte echo replies to one host: ecr_i",
            "  guess_passwd      telnet, one guessed password a connection",
            "  guess_passwd_ftp  FTP, three guessed passwords a connection",
            "",
            "--truth FILE writes one rule per connection (format: docs/TRUTH.md):",
            "  # gatewatch truth v1",
            "  # start end proto orig resp orig_port resp_port category label",
            "start..end: the range of the connection's start time, in epoch seconds.",
        })
public final class SynthCommand implements Callable<Integer> {
    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The pcap file to write (replaced if it exists).")
    Path out;

    @Option(names = "--connections", paramLabel = "N", defaultValue = "" + SynthSpec.DEFAULT_CONNECTIONS,
            description = "Connection records in the capture, exactly as `gatewatch features` counts them (default: ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = "--mix", paramLabel = "SPEC",
            description = "Percent of the records per scenario, adding up to 100, e.g. normal=90,neptune=10 "
                    + "(default: normal=85,neptune=5,portsweep=3,ipsweep=2,smurf=3,guess_passwd=1,guess_passwd_ftp=1).")
    String mix;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "" + SynthSpec.DEFAULT_SEED,
            description = "Seed of every random choice (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--truth", paramLabel = "FILE",
            description = "Also write the ground truth to FILE: one line per connection with its addresses, ports, start time, "
                    + "KDD category and label (text, format in docs/TRUTH.md).")
    Path truth;

    @Option(names = "--start", paramLabel = "ISO-TIME",
            description = "Time of the first packet, e.g. 2025-03-03T09:00:00Z; without an offset, UTC (default: 2025-03-03T09:00:00Z).")
    String start;

    @Mixin
    DebugOption debug;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        SynthSpec synth = spec();
        requireDirectory("--out", out);
        if (truth == null) {
            print(Synthesizer.write(synth, out), null, spec.commandLine().getOut());
            return ExitCodes.OK;
        }
        requireDirectory("--truth", truth);
        try (TruthFile file = TruthFile.create(truth, "made by: gatewatch synth " + synth.options())) {
            print(Synthesizer.write(synth, out, file), file, spec.commandLine().getOut());
        }
        return ExitCodes.OK;
    }

    private static void requireDirectory(String option, Path file) {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new UsageException(option + ": the directory " + parent + " does not exist");
        }
    }

    SynthSpec spec() {
        if (connections < 1) {
            throw new UsageException("--connections must be at least 1, got " + connections);
        }
        Mix m;
        try {
            m = mix == null ? Mix.DEFAULT : Mix.parse(mix);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--mix: " + e.getMessage());
        }
        Instant t = start == null ? SynthSpec.DEFAULT_START : parseStart(start);
        try {
            return new SynthSpec(connections, m, seed, t);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--start: " + e.getMessage());
        }
    }

    private static Instant parseStart(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new UsageException("--start: '" + text + "' is not an ISO-8601 time such as 2025-03-03T09:00:00Z");
            }
        }
    }

    private void print(SynthReport r, TruthFile truthFile, PrintWriter w) {
        w.printf(Locale.ROOT, "wrote %s: %,d frames, %,d bytes, %,d connections over %s (%s to %s)%n",
                r.file(), r.frames(), r.bytes(), r.totalConnections(), r.span(), r.first(), r.last());
        w.printf(Locale.ROOT, "  at most %,d sessions open at once%n", r.peakOpenSessions());
        r.connections().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> w.printf(Locale.ROOT, "  %-17s %,9d connections%n", e.getKey().mixName(), e.getValue()));
        for (SynthReport.AttackEpisode e : r.episodes()) {
            w.printf(Locale.ROOT, "  attack %-17s %s to %s  %s -> %s%n", e.kind().mixName(), e.start(), e.end(),
                    summary(e.attackers()), summary(e.victims()));
        }
        if (truthFile != null) {
            w.printf(Locale.ROOT, "wrote %s: the ground truth, %,d rules (one per connection)%n", truth, truthFile.rules());
        }
        w.flush();
    }

    private static String summary(java.util.List<String> addresses) {
        return addresses.size() <= 2 ? String.join(",", addresses)
                : addresses.getFirst() + ".." + addresses.getLast() + " (" + addresses.size() + " hosts)";
    }
}
