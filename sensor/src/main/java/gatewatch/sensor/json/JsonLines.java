package gatewatch.sensor.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Jackson generators for JSON lines. An instance is one generator writing into a reused byte
 * buffer, from which {@link #take} copies each finished document: the sink thread writes an
 * alert line this way for every alerted connection, and a generator or buffer per line would be
 * garbage in a flood. {@link #to(OutputStream)} gives a generator for a stream of lines. Both
 * write UTF-8 bytes, which {@link JsonValues} relies on.
 *
 * <p>An instance belongs to one thread.
 */
public final class JsonLines {
    /** No separator between top-level values: each caller ends its own lines. */
    private static final JsonFactory FACTORY = new JsonFactoryBuilder().rootValueSeparator((String) null).build();

    private final ByteArrayBuilder bytes = new ByteArrayBuilder(4096);
    private final JsonGenerator generator;

    public JsonLines() {
        try {
            generator = FACTORY.createGenerator(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayBuilder does not fail
        }
    }

    /** A generator for documents written one after another to {@code out} in UTF-8, with no separator between them. */
    public static JsonGenerator to(OutputStream out) {
        try {
            return FACTORY.createGenerator(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The generator of the document being written; write exactly one value, then {@link #take}. */
    public JsonGenerator generator() {
        return generator;
    }

    /** The document written since the last call (without a newline), as a new array; the buffer is reused. */
    public byte[] take() {
        try {
            generator.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayBuilder does not fail
        }
        byte[] doc = bytes.toByteArray();
        bytes.reset();
        return doc;
    }
}
