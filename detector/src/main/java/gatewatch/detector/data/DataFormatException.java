package gatewatch.detector.data;

/** A data file that was read but holds a row the loader cannot use; the message names file, line and column. */
public final class DataFormatException extends IllegalArgumentException {
    public DataFormatException(String message, Throwable cause) {
        super(message, cause);
    }

    public DataFormatException(String message) {
        super(message);
    }
}
