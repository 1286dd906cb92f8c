package gatewatch.sensor.cli;

/** An input file that cannot be read (at all, or past some offset): exit code 3. */
public class UnreadableInputException extends RuntimeException {
    public UnreadableInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
