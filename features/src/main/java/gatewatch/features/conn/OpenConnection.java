package gatewatch.features.conn;

import gatewatch.features.kdd.KddFlag;

/**
 * What the window stage may ask of a connection that has started but not finished: its flag so
 * far, and a place to park the record's feature array when the connection's window features are
 * computed before it finishes (a long connection, or a full start queue). Capture thread only.
 */
public interface OpenConnection {
    /** The KDD flag the connection would have if it ended now. */
    KddFlag flagSoFar();

    /** Parks the feature array whose window columns are already computed; null clears it. */
    void holdFeatures(double[] features);

    /** The parked array, or null. */
    double[] heldFeatures();
}
