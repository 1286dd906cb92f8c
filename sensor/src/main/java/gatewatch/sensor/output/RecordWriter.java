package gatewatch.sensor.output;

import gatewatch.features.extract.ConnectionRecord;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Writes connection records in one of the researcher formats. Single-threaded. */
public sealed interface RecordWriter extends Closeable permits KddDataWriter, ExtendedCsvWriter, JsonRecordWriter {

    /** Writes one record; an I/O failure is unchecked so that the capture loop stops at once. */
    void write(ConnectionRecord record) throws UncheckedIOException;

    void flush() throws IOException;
}
