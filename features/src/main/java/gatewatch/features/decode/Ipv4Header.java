package gatewatch.features.decode;

/** Scratch fields of the IPv4 header the fragment logic needs; reused for every frame. */
final class Ipv4Header {
    int headerLength;
    int totalLength;
    int id;
    boolean moreFragments;
    /** Offset of this fragment's data in bytes. */
    int fragmentOffset;

    boolean isFragment() {
        return moreFragments || fragmentOffset != 0;
    }
}
