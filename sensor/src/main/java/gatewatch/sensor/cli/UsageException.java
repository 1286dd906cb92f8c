package gatewatch.sensor.cli;

/** Bad usage or configuration: exit code 2. The message names the option or key. */
public class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
