package gatewatch.features.decode;

/** Scratch description of one fragment, filled by {@link Defragmenter} and reused for every fragment. */
final class Fragment {
    byte[] buf;
    /** The IP header to keep if this is the first fragment (IPv6: the unfragmentable part and the fragment header). */
    int headerOffset;
    int headerLength;
    /** Where the fragment's data is in {@link #buf}, and its place in the datagram. */
    int dataOffset;
    int start;
    /** Data bytes the IP header declares, and how many of them were captured. */
    int length;
    int capLength;
    boolean more;
    /** The largest data end that keeps the reassembled datagram within 65,535 bytes. */
    int maxEnd;
    /** IPv6: offset, within the kept header, of the next-header byte that names the fragment header. */
    int nextHeaderField;

    int end() {
        return start + length;
    }
}
