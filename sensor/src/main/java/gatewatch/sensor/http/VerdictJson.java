package gatewatch.sensor.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import gatewatch.detector.model.Verdict;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes verdicts as the scoring API's response: a JSON array, in request order, of
 * {@code {"category":"dos","label":"neptune","confidence":0.99,"anomaly_score":0.61,"reasons":["count"]}}.
 * Field names are those of the alert's {@code alert} object.
 */
final class VerdictJson {
    private final JsonFactory factory = new JsonFactory();

    byte[] write(Verdict[] verdicts, int n) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + 128 * n);
        try (JsonGenerator g = factory.createGenerator(out)) {
            g.writeStartArray();
            for (int i = 0; i < n; i++) {
                Verdict v = verdicts[i];
                g.writeStartObject();
                g.writeStringField("category", v.category().externalName());
                g.writeStringField("label", v.label());
                g.writeNumberField("confidence", v.confidence());
                g.writeNumberField("anomaly_score", v.anomalyScore());
                g.writeArrayFieldStart("reasons");
                for (String r : v.reasons()) {
                    g.writeString(r);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return out.toByteArray();
    }
}
