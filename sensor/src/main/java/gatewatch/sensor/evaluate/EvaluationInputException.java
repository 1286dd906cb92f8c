package gatewatch.sensor.evaluate;

/** A capture or truth file that cannot be read; the message names the file and the reason. */
public final class EvaluationInputException extends RuntimeException {
    public EvaluationInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
