package gatewatch.synth;

import gatewatch.features.extract.ConnectionRecord;
import gatewatch.features.extract.FeatureExtractor;
import gatewatch.features.kdd.KddFeature;
import gatewatch.sensor.capture.PcapFileSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A synthetic capture read back through libpcap and the feature extractor, as {@code gatewatch features} does. */
public record Extracted(long frames, List<ConnectionRecord> records) {
    public static Extracted of(Path pcap) throws Exception {
        List<ConnectionRecord> records = new ArrayList<>();
        FeatureExtractor extractor = new FeatureExtractor(FeatureExtractor.ExtractorConfig.defaults(), records::add);
        long frames;
        try (PcapFileSource source = PcapFileSource.open(pcap)) {
            frames = source.run(extractor);
        }
        extractor.finish();
        return new Extracted(frames, records);
    }

    /** Synthesizes {@code spec} into {@code dir} and reads it back. */
    public static Extracted synthesize(SynthSpec spec, Path dir) throws Exception {
        Path file = dir.resolve("synth-" + spec.seed() + "-" + spec.connections() + ".pcap");
        Synthesizer.write(spec, file);
        return of(file);
    }

    public static String service(ConnectionRecord r) {
        return r.features().service().kddName();
    }

    public static String flag(ConnectionRecord r) {
        return r.features().flag().name();
    }

    public static double get(ConnectionRecord r, KddFeature f) {
        return r.features().get(f);
    }

    public static String src(ConnectionRecord r) {
        return r.conn().origAddress().toString();
    }

    public static String dst(ConnectionRecord r) {
        return r.conn().respAddress().toString();
    }
}
