package gatewatch.sensor.pipeline;

import gatewatch.detector.model.Verdict;
import gatewatch.features.extract.ConnectionRecord;

/** A connection record with the detector's verdict: what crosses from the detector to the sinks. */
public record Scored(ConnectionRecord record, Verdict verdict) {
}
