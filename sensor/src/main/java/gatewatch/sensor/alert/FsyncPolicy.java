package gatewatch.sensor.alert;

/** When the log is forced to disk. */
public enum FsyncPolicy {
    /** Leave it to the kernel (fastest; a power loss can lose the last seconds). */
    NEVER,
    /** After every batch the sink writes (at most every few milliseconds under load). */
    BATCH,
    /** After every line (slowest; nothing acknowledged is lost). */
    ALWAYS
}
