package gatewatch.detector.io;

import java.io.IOException;

/**
 * A model or site-baseline file that is refused: it cannot be read, it is damaged, or it is of
 * another kind, format or feature schema. The message has one shape,
 * {@code KIND FILE: [damaged at byte N: | damaged in bytes A-B: ]REASON}, e.g.
 * {@code model /x.gwm: damaged in bytes 279-54950: payload digest mismatch}.
 */
public final class ModelFileException extends IOException {
    private final String file;
    private final long from;
    private final long to;
    private final String reason;

    private ModelFileException(String file, long from, long to, String reason, Throwable cause) {
        super(file + ": " + where(from, to) + reason, cause);
        this.file = file;
        this.from = from;
        this.to = to;
        this.reason = reason;
    }

    /**
     * @param file what and which: "model /x.gwm", "bundled model ...", "site baseline /x.gwb"
     */
    public static ModelFileException refused(String file, String reason) {
        return new ModelFileException(file, -1, -1, reason, null);
    }

    /** Damage at one known byte. */
    public static ModelFileException damagedAt(String file, long offset, String reason) {
        return new ModelFileException(file, offset, offset, reason, null);
    }

    /** Damage somewhere in bytes {@code from} to {@code to} (inclusive): a digest says no more. */
    public static ModelFileException damagedIn(String file, long from, long to, String reason, Throwable cause) {
        return new ModelFileException(file, from, to, reason, cause);
    }

    /** The file cannot be opened or read at all. */
    public static ModelFileException unreadable(String file, IOException cause) {
        return new ModelFileException(file, -1, -1, IoReasons.of(cause), cause);
    }

    /** What and which file ("model /x.gwm"). */
    public String file() {
        return file;
    }

    /** The first damaged byte, or of the range that holds the damage; -1 when the file is not damaged. */
    public long from() {
        return from;
    }

    /** The last byte of that range (the same as {@link #from()} when the byte is known); -1 likewise. */
    public long to() {
        return to;
    }

    public String reason() {
        return reason;
    }

    private static String where(long from, long to) {
        if (from < 0) {
            return "";
        }
        return from == to ? "damaged at byte " + from + ": " : "damaged in bytes " + from + "-" + to + ": ";
    }
}
