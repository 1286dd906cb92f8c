package gatewatch.sensor.output;

import gatewatch.features.extract.ConnectionRecord;
import gatewatch.features.kdd.KddCsv;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Exactly the {@code kddcup.data} layout: 41 comma-separated features in {@code kddcup.names}
 * order, no header, no label, LF line ends — readable by any tool that reads the original files.
 * {@link #writeLabelled} adds the label column of the training files.
 */
public final class KddDataWriter implements RecordWriter {
    private final Writer out;
    private final StringBuilder line = new StringBuilder(256);

    public KddDataWriter(Writer out) {
        this.out = out;
    }

    @Override
    public void write(ConnectionRecord record) {
        line.setLength(0);
        KddCsv.appendFeatures(record.features(), line);
        line.append('\n');
        try {
            out.append(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The record with its label as KDD's labelled files end a line: {@code ,label.} (the 42nd column). */
    public void writeLabelled(ConnectionRecord record, String label) {
        line.setLength(0);
        KddCsv.appendFeatures(record.features(), line);
        line.append(',').append(label).append(".\n");
        try {
            out.append(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
