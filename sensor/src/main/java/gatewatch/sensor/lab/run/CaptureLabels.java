package gatewatch.sensor.lab.run;

import gatewatch.features.extract.ConnectionRecord;
import gatewatch.features.extract.FeatureExtractor;
import gatewatch.features.truth.Labeller;
import gatewatch.features.truth.Truth;
import gatewatch.sensor.capture.CaptureException;
import gatewatch.sensor.capture.PcapFileSource;
import gatewatch.sensor.lab.LabException;
import java.nio.file.Path;
import gatewatch.features.truth.TruthRule;
import java.util.function.BiConsumer;

/** Runs a capture through the feature extractor and labels every connection by a truth. */
public final class CaptureLabels {
    private CaptureLabels() {
    }

    /** Labels every connection of {@code pcap}; {@code each} sees every record with its rule (null when none covers it). */
    public static Labeller label(Path pcap, Truth truth, BiConsumer<ConnectionRecord, TruthRule> each) {
        Labeller labeller = new Labeller(truth);
        FeatureExtractor extractor = new FeatureExtractor(FeatureExtractor.ExtractorConfig.defaults(), r -> {
            each.accept(r, labeller.label(r.conn()));
        });
        try (PcapFileSource source = PcapFileSource.open(pcap)) {
            source.run(extractor);
        } catch (CaptureException e) {
            throw new LabException(pcap + ": " + e.getMessage(), e);
        } finally {
            extractor.finish();
        }
        return labeller;
    }
}
