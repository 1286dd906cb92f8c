package gatewatch.features.extract;

import gatewatch.features.testing.CaptureFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs a capture through the whole extractor (pure-Java reader) and keeps the records. */
final class Extract {
    private Extract() {
    }

    static List<ConnectionRecord> records(Path capture) throws Exception {
        List<ConnectionRecord> out = new ArrayList<>();
        FeatureExtractor fx = new FeatureExtractor(FeatureExtractor.ExtractorConfig.defaults(), out::add);
        try {
            CaptureFiles.read(capture, fx);
        } catch (CaptureFiles.DamagedCaptureException e) {
            // Records before the damage still count; the damage is the decoder tests' business.
        }
        fx.finish();
        return out;
    }
}
