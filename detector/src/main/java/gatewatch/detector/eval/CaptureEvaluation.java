package gatewatch.detector.eval;

import java.util.List;

/**
 * What {@code gatewatch evaluate --capture} found: every connection of labelled captures, scored
 * as a replay scores it, counted under the label its truth gives it.
 *
 * @param modelVersion the model that gave the verdicts
 * @param siteBaseline the site baseline file it ran with, or null
 * @param captures     one entry per capture, in the order given
 * @param labels       every truth label over all captures: normal first, then the attack labels
 *                     by category (dos, probe, r2l, u2r) and name
 */
public record CaptureEvaluation(String modelVersion, String siteBaseline, List<CaptureResult> captures,
        List<LabelResult> labels) {
    public CaptureEvaluation {
        captures = List.copyOf(captures);
        labels = List.copyOf(labels);
    }

    /** Connections of every capture that no truth rule covers. */
    public long uncovered() {
        return captures.stream().mapToLong(CaptureResult::uncovered).sum();
    }

    /**
     * One capture.
     *
     * @param capture           its file
     * @param truth             its truth file(s)
     * @param connections       connections the replay reported, covered or not
     * @param uncovered         connections no rule of the truth covers (counted in no label)
     * @param uncoveredExamples the first few of them: {@code start proto orig resp orig_port resp_port}
     * @param labels            its connections per truth label, ordered as {@link CaptureEvaluation#labels()}
     */
    public record CaptureResult(String capture, List<String> truth, long connections, long uncovered,
            List<String> uncoveredExamples, List<LabelResult> labels) {
        public CaptureResult {
            truth = List.copyOf(truth);
            uncoveredExamples = List.copyOf(uncoveredExamples);
            labels = List.copyOf(labels);
        }
    }
}
