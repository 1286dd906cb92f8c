package gatewatch.sensor.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import gatewatch.features.conn.ConnectionSummary;
import gatewatch.features.extract.ConnectionRecord;
import gatewatch.features.kdd.KddCsv;
import gatewatch.features.kdd.KddFeature;
import gatewatch.features.kdd.KddRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * {@code --json}: one object a line with the fields of {@code --extended} (times as epoch seconds,
 * symbolic features as their KDD names, counts as integers, rates as numbers), and the
 * connection's {@code flow_id} and {@code community_id}, as in the alert and records logs, to join
 * feature rows to alerts. ({@code --extended} keeps its columns: scripts index them.)
 */
public final class JsonRecordWriter implements RecordWriter {
    /** The connection fields written before the features, in order; the scoring API ignores exactly these. */
    public static final java.util.List<String> CONNECTION_FIELDS = java.util.List.of(
            "start", "end", "src_ip", "src_port", "dst_ip", "dst_port", "proto", "history", "flow_id", "community_id",
            "open_at_end");

    private final JsonGenerator gen;
    private final FeatureJson features = new FeatureJson();
    private final CommunityId communityId = new CommunityId();

    public JsonRecordWriter(Writer out) {
        try {
            gen = new JsonFactory().createGenerator(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // No separator between objects: each one ends its own line, the last one too.
        gen.setPrettyPrinter(new MinimalPrettyPrinter(""));
    }

    @Override
    public void write(ConnectionRecord record) {
        ConnectionSummary c = record.conn();
        try {
            gen.writeStartObject();
            writeEpoch(gen, "start", c.startNanos());
            writeEpoch(gen, "end", c.endNanos());
            gen.writeStringField("src_ip", c.origAddress().toString());
            gen.writeNumberField("src_port", c.origPort());
            gen.writeStringField("dst_ip", c.respAddress().toString());
            gen.writeNumberField("dst_port", c.respPort());
            gen.writeStringField("proto", c.transport());
            gen.writeStringField("history", c.history());
            gen.writeNumberField("flow_id", FlowId.of(c));
            gen.writeStringField("community_id", communityId.of(c));
            gen.writeBooleanField("open_at_end", c.openAtEnd());
            features.write(gen, record.features());
            gen.writeEndObject();
            gen.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Epoch seconds with exactly six decimals, as a JSON number (no binary floating point on the way). */
    static void writeEpoch(JsonGenerator gen, String field, long nanos) throws IOException {
        StringBuilder sb = new StringBuilder(20);
        ExtendedCsvWriter.appendEpoch(nanos, sb);
        gen.writeFieldName(field);
        gen.writeNumber(sb.toString());
    }

    @Override
    public void flush() throws IOException {
        gen.flush();
    }

    @Override
    public void close() throws IOException {
        gen.close();
    }
}
