package gatewatch.detector.io;

import java.io.IOException;

/** A model file that was read but is refused: wrong magic, format, schema, or a class the filter does not admit. */
public final class ModelFileException extends IOException {
    public ModelFileException(String message) {
        super(message);
    }

    public ModelFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
