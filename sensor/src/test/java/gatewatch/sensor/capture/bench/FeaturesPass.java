package gatewatch.sensor.capture.bench;

import gatewatch.features.extract.FeatureExtractor;
import gatewatch.sensor.capture.PcapFileSource;
import java.nio.file.Path;

/**
 * One pass of capture + decode + connections + all 41 features over a file, as the stage bench's
 * features row runs it. {@link PairedFeaturesBench} loads this class once per build under test,
 * each copy linked against its own build's features classes.
 */
public final class FeaturesPass {
    private FeaturesPass() {
    }

    /** @return frames read, wall nanoseconds */
    public static long[] run(String file) throws Exception {
        FeatureExtractor fx = new FeatureExtractor(FeatureExtractor.ExtractorConfig.defaults(), rec -> { });
        long t0 = System.nanoTime();
        long frames;
        try (PcapFileSource source = PcapFileSource.open(Path.of(file))) {
            frames = source.run(fx);
        }
        fx.finish();
        return new long[] {frames, System.nanoTime() - t0};
    }
}
