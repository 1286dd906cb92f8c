package gatewatch.features.window;

import gatewatch.features.conn.ConnectionSummary;
import gatewatch.features.extract.ConnectionRecord;
import gatewatch.features.extract.FeatureExtractor;
import gatewatch.features.extract.FeatureExtractor.ExtractorConfig;
import gatewatch.features.kdd.KddFeature;
import gatewatch.features.testing.CaptureFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How far the streaming window features of a capture agree with the offline definition: every
 * record of the capture sorted by start time (ties in emission order), each one's 19 window
 * features rescanned over the records that started before it ({@link ReferenceWindows}), as KDD
 * built them from Bro's finished connection log.
 *
 * <p>Run as a program to print the agreement per capture ({@code count}, {@code serror_rate}, all
 * 19) for the default settings and for the report-order ones:
 * {@code CaptureAgreement FILE...}.
 */
final class CaptureAgreement {
    /** Records agreeing with the definition, per feature (index = {@link KddFeature} ordinal), and in all 19. */
    record Result(int records, int[] agreeing, int allAgreeing, List<ConnectionRecord> emitted,
            List<double[]> expected) {
        int agreeing(KddFeature f) {
            return agreeing[f.ordinal()];
        }
    }

    private CaptureAgreement() {
    }

    static List<ConnectionRecord> extract(Path capture, WindowConfig windows) throws Exception {
        List<ConnectionRecord> out = new ArrayList<>();
        ExtractorConfig d = ExtractorConfig.defaults();
        FeatureExtractor fx = new FeatureExtractor(
                new ExtractorConfig(d.maxConnections(), d.timeouts(), d.content(), windows), out::add);
        try {
            CaptureFiles.read(capture, fx);
        } catch (CaptureFiles.DamagedCaptureException e) {
            // The records before the damage are what the stream gave.
        }
        fx.finish();
        return out;
    }

    /** Compares every emitted record with the offline definition over the same records. */
    static Result compare(List<ConnectionRecord> emitted, WindowConfig config) {
        List<ConnectionRecord> byStart = new ArrayList<>(emitted);
        byStart.sort(Comparator.comparingLong(r -> r.conn().startNanos()));
        List<ConnectionSummary> placed = byStart.stream().map(ConnectionRecord::conn).toList();
        long[] placement = placed.stream().mapToLong(ConnectionSummary::startNanos).toArray();
        int[] agreeing = new int[KddFeature.COUNT_OF_FEATURES];
        int all = 0;
        List<double[]> expected = new ArrayList<>();
        for (int i = 0; i < byStart.size(); i++) {
            double[] want = ReferenceWindows.features(placed, placement, i, config);
            double[] got = byStart.get(i).features().toArray();
            expected.add(want);
            boolean every = true;
            for (int f = KddFeature.COUNT.ordinal(); f < KddFeature.COUNT_OF_FEATURES; f++) {
                if (want[f] == got[f]) {
                    agreeing[f]++;
                } else {
                    every = false;
                }
            }
            all += every ? 1 : 0;
        }
        return new Result(byStart.size(), agreeing, all, byStart, expected);
    }

    public static void main(String[] args) throws Exception {
        WindowConfig config = WindowConfig.defaults();
        for (String file : args) {
            {
                Result r = compare(extract(Path.of(file), config), config);
                System.out.printf("%s [%s]: %d records; count %d, serror_rate %d, rerror_rate %d, dst_host_count %d,"
                        + " dst_host_serror_rate %d, all 19 %d%n", Path.of(file).getFileName(), config.grace(), r.records(),
                        r.agreeing(KddFeature.COUNT), r.agreeing(KddFeature.SERROR_RATE),
                        r.agreeing(KddFeature.RERROR_RATE), r.agreeing(KddFeature.DST_HOST_COUNT),
                        r.agreeing(KddFeature.DST_HOST_SERROR_RATE), r.allAgreeing());
            }
        }
    }
}
