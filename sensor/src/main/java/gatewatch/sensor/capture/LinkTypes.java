package gatewatch.sensor.capture;

/**
 * Maps the {@code DLT_*} value libpcap reports for a handle to the {@code LINKTYPE_*} value a
 * capture file stores, which is what {@link gatewatch.features.decode.FrameHandler} receives.
 *
 * <p>The two numberings agree except for a few old types whose {@code DLT_*} value differs between
 * operating systems; of those, Linux libpcap reports only raw IP as {@code DLT_RAW} = 12 (for files
 * of {@code LINKTYPE_RAW} = 101 and for tun devices). The rest pass through unchanged.
 */
final class LinkTypes {
    static final int DLT_RAW_LINUX = 12;
    static final int LINKTYPE_RAW = 101;

    private LinkTypes() {
    }

    static int fromDlt(int dlt) {
        return dlt == DLT_RAW_LINUX ? LINKTYPE_RAW : dlt;
    }
}
