package gatewatch.sensor.config;

/**
 * {@code pipeline:} — queue sizes between the threads and the detector's batch size.
 *
 * @param recordQueue  connection records waiting for the detector
 * @param verdictQueue verdicts waiting for the sinks
 * @param batchSize    records scored at once
 */
public record PipelineSection(Integer recordQueue, Integer verdictQueue, Integer batchSize) {
    public PipelineSection {
        recordQueue = recordQueue != null ? recordQueue : 16_384;
        verdictQueue = verdictQueue != null ? verdictQueue : 16_384;
        batchSize = batchSize != null ? batchSize : 256;
        if (recordQueue < 2 || recordQueue > 16_777_216) {
            throw new ConfigException("pipeline.record_queue: must be between 2 and 16777216, got " + recordQueue);
        }
        if (verdictQueue < 2 || verdictQueue > 16_777_216) {
            throw new ConfigException("pipeline.verdict_queue: must be between 2 and 16777216, got " + verdictQueue);
        }
        if (batchSize < 1 || batchSize > 65_536) {
            throw new ConfigException("pipeline.batch_size: must be between 1 and 65536, got " + batchSize);
        }
    }

    static PipelineSection defaults() {
        return new PipelineSection(null, null, null);
    }
}
