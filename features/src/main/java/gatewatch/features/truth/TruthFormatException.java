package gatewatch.features.truth;

/** A truth file line that cannot be read; the message names the file, the line and the reason. */
public class TruthFormatException extends RuntimeException {
    public TruthFormatException(String message) {
        super(message);
    }
}
