package gatewatch.sensor.output;

import com.fasterxml.jackson.core.JsonGenerator;
import gatewatch.features.conn.ConnectionSummary;
import gatewatch.features.extract.ConnectionRecord;
import gatewatch.sensor.json.ConnectionJson;
import gatewatch.sensor.json.JsonLines;
import gatewatch.sensor.json.JsonValues;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.OutputStream;

/**
 * {@code --json}: one object a line per connection, with the fields of the alert log's
 * {@code connection} event that describe the connection (docs/EVENTS.md), written by the same
 * {@link ConnectionJson}: {@code timestamp}, {@code flow_id}, the endpoints and
 * {@code community_id}, the {@code flow} object and the 41 {@code features}. Without the
 * sensor's fields ({@code event_type}, {@code sensor}, {@code in_iface}) and without a verdict.
 * A feature record and the alert of the same connection agree field for field, and the scoring
 * API takes these lines as they are. ({@code --extended} keeps its columns: scripts index them.)
 */
public final class JsonRecordWriter implements RecordWriter {
    private final JsonGenerator gen;
    private final ConnectionJson json = new ConnectionJson(new JsonValues());

    public JsonRecordWriter(OutputStream out) {
        this.gen = JsonLines.to(out);
    }

    @Override
    public void write(ConnectionRecord record) {
        ConnectionSummary c = record.conn();
        try {
            gen.writeStartObject();
            json.header(gen, c);
            json.endpoints(gen, c);
            json.flow(gen, c);
            json.features(gen, record.features());
            gen.writeEndObject();
            gen.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void flush() throws IOException {
        gen.flush();
    }

    @Override
    public void close() throws IOException {
        gen.close(); // and the stream
    }
}
