package gatewatch.features.content;

/**
 * What the content stage did, for the sensor's metrics. Plain fields: written by the capture
 * thread only; a metrics reader on another thread sees values that may lag.
 */
public final class ContentCounters {
    /** Connections of an inspected service that got a session. */
    public long connectionsInspected;
    /** Connections of an inspected service that got none because all sessions were in use. */
    public long connectionsNotInspected;
    /** Inspected connections whose payload was not the expected clear text (zeros reported). */
    public long connectionsUnrecognised;
    /** Bytes delivered in order to a parser. */
    public long bytesReassembled;
    /** Bytes past the stream budget, dropped. */
    public long bytesOverBudget;
    /** Bytes seen again (retransmissions, overlaps), delivered once. */
    public long bytesOverlapping;
    /** Segments held out of order until their hole was filled or skipped. */
    public long segmentsHeld;
    /** Holes skipped over: data never seen, or beyond the reorder window. */
    public long gaps;
}
