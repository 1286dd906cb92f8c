package gatewatch.sensor.capture;

import java.io.IOException;

/**
 * A capture source that could not be opened or could not be read to its end. The message is one
 * line meant for the operator: it names the file or interface and the reason.
 */
public abstract sealed class CaptureException extends IOException
        permits CaptureOpenException, DamagedCaptureException, LiveCaptureException {
    private final String source;
    private final String reason;

    CaptureException(String message, String source, String reason, Throwable cause) {
        super(message, cause);
        this.source = source;
        this.reason = reason;
    }

    /** The file path or interface name. */
    public String source() {
        return source;
    }

    /** What libpcap (or the check that failed) said, without the source name. */
    public String reason() {
        return reason;
    }

    /** Keeps a reason to one line: libpcap messages have none, but a file name could. */
    static String oneLine(String s) {
        return s == null || s.isBlank() ? "unknown error" : s.replaceAll("[\\r\\n]+", " ").strip();
    }
}
