package gatewatch.sensor.crosscheck;

import gatewatch.features.extract.ConnectionRecord;
import gatewatch.features.extract.FeatureExtractor;
import gatewatch.sensor.capture.PcapFileSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs capture files through the real capture source and extractor and keeps the records. */
final class Extraction {
    private Extraction() {
    }

    static List<ConnectionRecord> of(Path... captures) throws Exception {
        List<ConnectionRecord> out = new ArrayList<>();
        FeatureExtractor extractor = new FeatureExtractor(FeatureExtractor.ExtractorConfig.defaults(), out::add);
        for (Path p : captures) {
            try (PcapFileSource source = PcapFileSource.open(p)) {
                source.run(extractor);
            }
        }
        extractor.finish();
        return out;
    }
}
