package gatewatch.features.kdd;

/** A {@code kddcup.data} row that does not fit the schema; the message names the column. */
public final class KddFormatException extends IllegalArgumentException {
    public KddFormatException(String message) {
        super(message);
    }
}
