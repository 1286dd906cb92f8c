package gatewatch.detector.data;

/** What the loader does with a row whose protocol, service or flag the schema does not know. */
public enum UnknownSymbolPolicy {
    /** Stop with an error naming file, line and column: the default, so nothing is dropped silently. */
    FAIL,
    /** Skip the row and count it ({@link KddLoader.Result#skippedUnknownSymbol()}). */
    SKIP
}
