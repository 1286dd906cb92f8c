package gatewatch.features.decode;

/** Scratch results of the IPv6 chain walk; reused for every frame. */
final class Ipv6Header {
    int transportOffset;
    /** One past the last byte of the datagram (by its payload length). */
    int end;
    boolean fragment;
    boolean moreFragments;
    int fragmentOffset;
    long id;
    /** Where the fragment header starts (when {@link #fragment}). */
    int fragmentHeaderOffset;
    /** Where the next-header byte that names the fragment header is (in the fixed header or an extension). */
    int nextHeaderField;
}
