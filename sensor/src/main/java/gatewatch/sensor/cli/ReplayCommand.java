package gatewatch.sensor.cli;

import gatewatch.sensor.alert.JsonLinesLog;
import gatewatch.sensor.alert.LogFileConfig;
import gatewatch.sensor.capture.CaptureStats;
import gatewatch.sensor.stats.StatsCollector;
import gatewatch.sensor.stats.StatsReporter;
import java.time.Duration;
import gatewatch.sensor.pipeline.FullQueuePolicy;
import gatewatch.sensor.pipeline.LatencyRecorder;
import gatewatch.sensor.pipeline.Outputs;
import gatewatch.sensor.pipeline.Pipeline;
import gatewatch.sensor.pipeline.PipelineSettings;
import gatewatch.sensor.pipeline.ReplaySpeed;
import gatewatch.sensor.pipeline.Summary;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code gatewatch replay CAPTURE...}: the full pipeline over capture files — the same stages and
 * threads as the live daemon, with waiting instead of dropping when a queue is full.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Replay capture files through the full pipeline (features, verdicts, alert log) and summarise.")
public final class ReplayCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "CAPTURE",
            description = "pcap or pcapng files, read in order as one stream; a directory stands for its capture files in the order of their first packet")
    List<Path> captures;

    @Mixin
    ModelOptions modelOptions;

    @Mixin
    OutputOptions output;

    @Option(names = "--summary-json", paramLabel = "FILE", description = "Write the summary as one JSON object to FILE.")
    Path summaryJson;

    @Option(names = "--speed", paramLabel = "max|realtime|Nx", defaultValue = "max",
            description = "max (default), realtime, or a multiple of real time such as 10x.")
    String speed;

    @Option(names = "--stats", description = "End the alert output with one stats event (event_type stats: frames, drops, malformed by reason, connections, alerts by category).")
    boolean stats;

    @Mixin
    DebugOption debug;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ReplaySpeed pace;
        try {
            pace = ReplaySpeed.parse(speed);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        ModelInBackground model = ModelInBackground.start(() -> modelOptions.load(null, null));
        try {
            return replay(model, pace);
        } catch (RuntimeException | IOException e) {
            // A model that cannot be loaded is the first thing said, as when it was loaded first.
            model.rethrowFailure();
            throw e;
        }
    }

    private int replay(ModelInBackground model, ReplaySpeed pace) throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        List<Path> files = CaptureInputs.expand(captures, err);
        try (JsonLinesLog alertLog = output.alerts != null ? new JsonLinesLog(LogFileConfig.simple(output.alerts)) : null;
                JsonLinesLog recordsLog = output.records != null ? new JsonLinesLog(LogFileConfig.simple(output.records)) : null;
                OutputStream stdout = output.alerts == null ? new BufferedOutputStream(StandardOutput.unclosable(), 1 << 16) : null) {
            Outputs outputs = new Outputs(alertLog, stdout, recordsLog, List.of(), SensorName.resolve(output.sensorName),
                    output.alertLimitOrDefault());
            Pipeline pipeline = new Pipeline(PipelineSettings.defaults(), FullQueuePolicy.BLOCK, model, outputs,
                    LatencyRecorder.NONE);
            if (stats) {
                pipeline.sink().reportStats(new StatsReporter(
                        new StatsCollector(pipeline, () -> CaptureStats.NONE, () -> -1)::snapshot, Duration.ZERO,
                        outputs.sensorName(), null, System.nanoTime()));
            }
            Summary summary;
            try (Progress progress = Progress.start(pipeline, err)) {
                summary = Signals.whileRunning(pipeline, () -> pipeline.replay(files, pace));
            }
            model.rethrowFailure();
            // The summary first, even after a failure: what was read and written up to it is worth knowing.
            SummaryPrinter.print(summary, err);
            if (summaryJson != null) {
                SummaryPrinter.writeJson(summary, summaryJson);
            }
            if (pipeline.failure() != null) {
                throw new IllegalStateException(pipeline.failure().getMessage(), pipeline.failure());
            }
            if (summary.inputError() != null) {
                throw new UnreadableInputException(summary.inputError(), null);
            }
            if (summary.lostLines() > 0) {
                throw new IllegalStateException(String.format(java.util.Locale.ROOT,
                        "%,d lines could not be written; the summary above names the file and the reason",
                        summary.lostLines()));
            }
            if (summary.stoppedBy() != null) {
                return ExitCodes.stoppedBy(summary.stoppedBy());
            }
        }
        return ExitCodes.OK;
    }
}
