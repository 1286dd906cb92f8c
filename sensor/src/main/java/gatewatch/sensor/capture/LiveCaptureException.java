package gatewatch.sensor.capture;

/**
 * A live capture that failed after it started, e.g. because the interface went down or away.
 * Frames read before the failure have been delivered.
 */
public final class LiveCaptureException extends CaptureException {
    public LiveCaptureException(String interfaceName, String reason) {
        super("capture on interface " + interfaceName + " failed: " + oneLine(reason), interfaceName, oneLine(reason), null);
    }
}
