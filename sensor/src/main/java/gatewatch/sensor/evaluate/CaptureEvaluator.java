package gatewatch.sensor.evaluate;

import gatewatch.detector.eval.CaptureEvaluation;
import gatewatch.detector.eval.LabelTally;
import gatewatch.detector.model.Ensemble;
import gatewatch.features.truth.Labeller;
import gatewatch.features.truth.Truth;
import gatewatch.features.truth.TruthRule;
import gatewatch.sensor.alert.AlertLimit;
import gatewatch.sensor.pipeline.AlertListener;
import gatewatch.sensor.pipeline.FullQueuePolicy;
import gatewatch.sensor.pipeline.LatencyRecorder;
import gatewatch.sensor.pipeline.Outputs;
import gatewatch.sensor.pipeline.Pipeline;
import gatewatch.sensor.pipeline.PipelineSettings;
import gatewatch.sensor.pipeline.ReplaySpeed;
import gatewatch.sensor.pipeline.Scored;
import gatewatch.sensor.pipeline.Summary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores labelled captures the way {@code gatewatch replay} does (the same {@link Pipeline}:
 * extractor, detector stage and sink, waiting instead of dropping) and counts every connection's
 * verdict under the label its truth gives it. Each capture is its own replay, so no connection or
 * window spans two captures. The verdicts are the model's whatever the alert limit does to the
 * alert log, so the limit plays no part here.
 */
public final class CaptureEvaluator {
    private final Ensemble ensemble;
    private final String siteBaseline;

    /** @param siteBaseline the name of the site baseline {@code ensemble} carries, or null (for the report) */
    public CaptureEvaluator(Ensemble ensemble, String siteBaseline) {
        this.ensemble = ensemble;
        this.siteBaseline = siteBaseline;
    }

    /** The version of the model that gives the verdicts. */
    public String modelVersion() {
        return ensemble.modelVersion();
    }

    public CaptureEvaluation evaluate(List<LabelledCapture> inputs) {
        LabelTally all = new LabelTally();
        List<CaptureEvaluation.CaptureResult> results = new ArrayList<>();
        for (LabelledCapture in : inputs) {
            LabelTally one = new LabelTally();
            results.add(evaluate(in, one));
            all.addAll(one);
        }
        return new CaptureEvaluation(ensemble.modelVersion(), siteBaseline, results, all.results());
    }

    /** One capture, counted into {@code tally}. */
    public CaptureEvaluation.CaptureResult evaluate(LabelledCapture in, LabelTally tally) {
        Labeller labeller = new Labeller(TruthFiles.read(in.truth()));
        long[] connections = {0};
        // Runs on the sink thread, which alone touches the labeller and the tally until the replay returns.
        AlertListener listener = (Scored s, byte[] alertJson) -> {
            connections[0]++;
            TruthRule rule = labeller.label(s.record().conn());
            if (rule != null) {
                tally.add(rule.label(), rule.category().externalName(), s.verdict());
            }
        };
        Pipeline pipeline = new Pipeline(PipelineSettings.defaults(), FullQueuePolicy.BLOCK, ensemble,
                new Outputs(null, null, null, List.of(listener), "evaluate", AlertLimit.DEFAULT), LatencyRecorder.NONE);
        Summary summary = pipeline.replay(List.of(in.capture()), ReplaySpeed.MAX);
        if (pipeline.failure() != null) {
            throw new IllegalStateException(in.capture() + ": " + pipeline.failure().getMessage(), pipeline.failure());
        }
        if (summary.inputError() != null) {
            throw new EvaluationInputException(summary.inputError(), null);
        }
        return new CaptureEvaluation.CaptureResult(in.capture().toString(), in.truth().stream().map(Path::toString).toList(),
                connections[0], labeller.unlabelled(), labeller.unlabelledExamples().stream().map(Labeller::describe).toList(),
                tally.results());
    }
}
