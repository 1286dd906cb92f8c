package gatewatch.sensor.capture;

/**
 * A capture file or interface that could not be opened at all: missing, unreadable, not a
 * capture, a link type or format libpcap refuses, an unknown interface, no permission, or a BPF
 * filter that does not compile. No frame was delivered.
 */
public final class CaptureOpenException extends CaptureException {
    /** What could not be opened. */
    public enum Kind {
        FILE("capture file"),
        INTERFACE("interface");

        private final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    private final Kind kind;

    public CaptureOpenException(Kind kind, String source, String reason, Throwable cause) {
        super("cannot open " + kind.label + " " + source + ": " + stripSource(source, oneLine(reason)),
                source, stripSource(source, oneLine(reason)), cause);
        this.kind = kind;
    }

    /** A capture file refused at open, with where in the file it goes wrong when that can be told. */
    static CaptureOpenException forFile(String file, long offset, String reason, Throwable cause) {
        String where = offset >= 0 ? "at byte " + offset + ": " : "";
        return new CaptureOpenException(Kind.FILE, file, where + stripSource(file, oneLine(reason)), cause);
    }

    public Kind kind() {
        return kind;
    }

    /** libpcap often starts its message with the file name; the message names it once. */
    private static String stripSource(String source, String reason) {
        String prefix = source + ": ";
        return reason.startsWith(prefix) ? reason.substring(prefix.length()) : reason;
    }
}
