package gatewatch.sensor.pipeline;

import gatewatch.features.extract.FeatureExtractor.ExtractorConfig;

/**
 * Sizes of the pipeline.
 *
 * @param extractor     connection table and timeouts
 * @param recordQueue   capacity of the capture → detector queue (connection records)
 * @param verdictQueue  capacity of the detector → sinks queue
 * @param batchSize     records the detector scores at once
 */
public record PipelineSettings(ExtractorConfig extractor, int recordQueue, int verdictQueue, int batchSize) {
    public static PipelineSettings defaults() {
        return new PipelineSettings(ExtractorConfig.defaults(), 16_384, 16_384, 256);
    }

    public PipelineSettings {
        if (recordQueue < 2) {
            throw new IllegalArgumentException("pipeline.record_queue must be at least 2, got " + recordQueue);
        }
        if (verdictQueue < 2) {
            throw new IllegalArgumentException("pipeline.verdict_queue must be at least 2, got " + verdictQueue);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("pipeline.batch_size must be positive, got " + batchSize);
        }
    }
}
