package gatewatch.sensor.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import gatewatch.detector.model.Verdict;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes verdicts as the scoring API's response: a JSON array, in request order, of
 * {@code {"category":"dos","label":"neptune","confidence":0.9900,"anomaly_score":0.6100,"reasons":["count"]}}.
 * Field names, and the four decimals of the numbers, are those of the alert's {@code alert} object.
 */
final class VerdictJson {
    private final JsonFactory factory = new JsonFactory();

    /** As the alert log writes them: rounded half-up to exactly four decimals ({@code 0.9900}), not 16 digits. */
    static String fourDecimals(double v) {
        return BigDecimal.valueOf(Math.round(v * 10_000), 4).toPlainString();
    }

    byte[] write(Verdict[] verdicts, int n) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + 128 * n);
        try (JsonGenerator g = factory.createGenerator(out)) {
            g.writeStartArray();
            for (int i = 0; i < n; i++) {
                Verdict v = verdicts[i];
                g.writeStartObject();
                g.writeStringField("category", v.category().externalName());
                g.writeStringField("label", v.label());
                g.writeFieldName("confidence");
                g.writeNumber(fourDecimals(v.confidence()));
                g.writeFieldName("anomaly_score");
                g.writeNumber(fourDecimals(v.anomalyScore()));
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
