package gatewatch.sensor.http;

import gatewatch.detector.model.Verdict;
import gatewatch.detector.encode.DetectorRow;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The scoring API without HTTP: body in, verdicts as JSON out, or a {@link RequestRejected}
 * saying what is wrong. Runs on the scoring thread.
 */
final class ScoreService {
    private final Scorer scorer;
    private final JsonRecords json;
    private final CsvRecords csv;
    private final VerdictJson verdicts = new VerdictJson();

    ScoreService(Scorer scorer, int maxRecords) {
        this.scorer = Objects.requireNonNull(scorer);
        this.json = new JsonRecords(maxRecords);
        this.csv = new CsvRecords(maxRecords);
    }

    /**
     * @param contentType the request's {@code Content-Type}, or null
     * @return the response body: a JSON array of verdicts, one per record, in order
     */
    byte[] score(String contentType, byte[] body) {
        List<ScoreRecord> records = switch (mediaType(contentType)) {
            case "application/json", "application/x-ndjson", "application/jsonl" -> json.parse(body);
            case "text/csv", "text/plain" -> csv.parse(body);
            case "" -> throw new RequestRejected(RequestRejected.UNSUPPORTED_MEDIA_TYPE,
                    "no Content-Type; send application/json (an array of objects of the 41 features, or "
                            + "one object a line as gatewatch features --json writes) or text/csv (kddcup.data lines)");
            default -> throw new RequestRejected(RequestRejected.UNSUPPORTED_MEDIA_TYPE,
                    "Content-Type " + contentType + " is not accepted; send application/json or text/csv");
        };
        int n = records.size();
        double[] rows = new double[n * DetectorRow.WIDTH];
        for (int i = 0; i < n; i++) {
            records.get(i).fill(rows, i * DetectorRow.WIDTH);
        }
        Verdict[] out = new Verdict[n];
        if (n > 0) {
            scorer.scoreBatch(rows, n, out);
        }
        for (int i = 0; i < n; i++) {
            if (out[i] == null) {
                throw new IllegalStateException("the scorer gave no verdict for record " + i);
            }
        }
        return verdicts.write(out, n);
    }

    /** The type/subtype of a Content-Type, lower case, without parameters; "" when absent. */
    static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    }
}
