package gatewatch.sensor.output;

import gatewatch.features.conn.ConnectionSummary;
import gatewatch.features.extended.ExtendedCsv;
import gatewatch.features.extended.ExtendedFeature;
import gatewatch.features.extended.ExtendedFeatures;
import gatewatch.features.extract.ConnectionRecord;
import gatewatch.features.kdd.KddCsv;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * {@code --extended}: a header line, then per connection
 * {@code start,end,src_ip,src_port,dst_ip,dst_port,proto,history}, the 41 features under their
 * {@code kddcup.names} names and the features beyond the 41 the detector uses
 * ({@link ExtendedFeature}). Times are epoch seconds with microseconds, as Zeek writes them.
 */
public final class ExtendedCsvWriter implements RecordWriter {
    static final String ENDPOINT_HEADER = "start,end,src_ip,src_port,dst_ip,dst_port,proto,history";
    private final Writer out;
    private final StringBuilder line = new StringBuilder(320);
    private final double[] extended = new double[ExtendedFeature.COUNT];
    private boolean headerWritten;

    public ExtendedCsvWriter(Writer out) {
        this.out = out;
    }

    @Override
    public void write(ConnectionRecord record) {
        try {
            if (!headerWritten) {
                writeHeader();
            }
            ConnectionSummary c = record.conn();
            line.setLength(0);
            appendEpoch(c.startNanos(), line);
            line.append(',');
            appendEpoch(c.endNanos(), line);
            line.append(',').append(c.origAddress()).append(',').append(c.origPort())
                    .append(',').append(c.respAddress()).append(',').append(c.respPort())
                    .append(',').append(c.transport()).append(',').append(c.history()).append(',');
            KddCsv.appendFeatures(record.features(), line);
            ExtendedFeatures.fill(c, extended, 0);
            line.append(',');
            ExtendedCsv.append(extended, 0, line);
            line.append('\n');
            out.append(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeHeader() throws IOException {
        out.append(ENDPOINT_HEADER).append(',').append(KddCsv.featureHeader()).append(',').append(ExtendedCsv.header())
                .append('\n');
        headerWritten = true;
    }

    /** Epoch seconds with six decimals, without floating point. */
    static void appendEpoch(long nanos, StringBuilder sb) {
        long micros = Math.floorDiv(nanos, 1000L);
        long secs = Math.floorDiv(micros, 1_000_000L);
        long frac = Math.floorMod(micros, 1_000_000L);
        sb.append(secs).append('.');
        String f = Long.toString(frac);
        for (int i = f.length(); i < 6; i++) {
            sb.append('0');
        }
        sb.append(f);
    }

    @Override
    public void flush() throws IOException {
        if (!headerWritten) {
            writeHeader();
        }
        out.flush();
    }

    @Override
    public void close() throws IOException {
        flush();
        out.close();
    }
}
