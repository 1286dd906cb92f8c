package gatewatch.sensor.lab;

/** A lab run that cannot go on: a missing tool, a daemon that did not start, a command that failed. One line. */
public class LabException extends RuntimeException {
    public LabException(String message) {
        super(message);
    }

    public LabException(String message, Throwable cause) {
        super(message, cause);
    }
}
