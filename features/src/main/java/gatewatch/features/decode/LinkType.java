package gatewatch.features.decode;

/** The libpcap link types ({@code LINKTYPE_*} values as stored in capture files) the decoder reads. */
public final class LinkType {
    public static final int NULL = 0;
    public static final int ETHERNET = 1;
    public static final int PPP = 9;
    /** PPP in HDLC-like framing (RFC 1662). */
    public static final int PPP_HDLC = 50;
    /** DLT_RAW as OpenBSD and some other systems number it. */
    public static final int RAW_12 = 12;
    /** DLT_RAW as BSD/OS numbers it. */
    public static final int RAW_14 = 14;
    public static final int RAW = 101;
    public static final int LOOP = 108;
    public static final int LINUX_SLL = 113;
    public static final int NFLOG = 239;
    public static final int IPV4 = 228;
    public static final int IPV6 = 229;
    public static final int LINUX_SLL2 = 276;

    private LinkType() {
    }
}
