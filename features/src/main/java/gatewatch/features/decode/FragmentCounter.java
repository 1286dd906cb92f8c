package gatewatch.features.decode;

/**
 * What the fragment reassembler counted, each with a stable counter name
 * ({@code gatewatch.decoder.fragments{event=...}}).
 */
public enum FragmentCounter {
    /** IP fragments offered to the reassembler. */
    FRAGMENTS("fragments"),
    /** Fragments equal to one already held, ignored. */
    DUPLICATES("duplicates"),
    /** Bad fragments: overlapping, oversized, misaligned, empty, or at odds with the datagram's end. */
    WRONG_FRAGMENTS("wrong_fragments"),
    /** Datagrams reassembled whole and delivered. */
    REASSEMBLED("reassembled"),
    /** Datagrams completed with wrong fragments, delivered as their first fragment. */
    DELIVERED_WRONG("delivered_wrong"),
    /** Incomplete datagrams dropped at their timeout (or at the end of the capture). */
    EXPIRED("expired"),
    /** Incomplete datagrams dropped to make room for a new one. */
    EVICTED("evicted"),
    /** Datagrams given up for being larger, or cut into more fragments, than the limits allow. */
    OVER_LIMIT("over_limit");

    private final String counterName;

    FragmentCounter(String counterName) {
        this.counterName = counterName;
    }

    public String counterName() {
        return counterName;
    }
}
