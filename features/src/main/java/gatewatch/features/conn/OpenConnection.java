package gatewatch.features.conn;

import gatewatch.features.kdd.KddFlag;

/**
 * What the window stage may ask of a connection that has started but not finished: its flag so
 * far, and where to keep its window columns when they are computed before it finishes (a long
 * connection, or a full start queue). Capture thread only.
 */
public interface OpenConnection {
    /** The KDD flag the connection would have if it ended now. */
    KddFlag flagSoFar();

    /**
     * A 41-value array owned by the connection and reused by the next one in its place, into
     * which the stage writes the window columns (23–41) when it places the connection open; the
     * connection is then marked placed open until it is reset.
     */
    double[] placeOpen();

    /** The array of {@link #placeOpen} if the connection was placed open, else null. */
    double[] placedOpen();
}
