package gatewatch.sensor.http;

import com.fasterxml.jackson.core.JsonGenerator;
import gatewatch.detector.model.Verdict;
import gatewatch.sensor.json.ConnectionJson;
import gatewatch.sensor.json.JsonLines;
import gatewatch.sensor.json.JsonValues;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes verdicts as the scoring API's response: a JSON array, in request order, of
 * {@code {"category":"dos","label":"neptune","confidence":0.9900,"anomaly_score":0.6100,"reasons":["count"]}},
 * by {@link ConnectionJson#verdict}: the fields of the alert's {@code alert} object, the same
 * names and four decimals.
 *
 * <p>One instance per thread (the scoring thread).
 */
final class VerdictJson {
    private final JsonLines lines = new JsonLines();
    private final ConnectionJson json = new ConnectionJson(new JsonValues());

    byte[] write(Verdict[] verdicts, int n) {
        JsonGenerator g = lines.generator();
        try {
            g.writeStartArray();
            for (int i = 0; i < n; i++) {
                g.writeStartObject();
                json.verdict(g, verdicts[i]);
                g.writeEndObject();
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // into a byte buffer: does not happen
        }
        return lines.take();
    }
}
