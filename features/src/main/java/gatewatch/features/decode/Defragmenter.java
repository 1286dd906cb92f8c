package gatewatch.features.decode;

/**
 * Hands IPv4 and IPv6 fragments to the {@link FragmentTable} and, when a datagram completes,
 * lays it out as one plain datagram for the decoders to read again.
 *
 * <p>A complete datagram is rebuilt in its slot's buffer: the first fragment's header with the
 * fragment fields cleared and the length set (IPv6: the fragment header taken out and its next
 * header written into the header before it), followed by the data. A datagram with wrong
 * fragments is rebuilt the same way from its first fragment alone, so the transport header and
 * payload lengths are those that fragment holds. Capture thread only; no allocation.
 */
final class Defragmenter {
    static final int HELD = 0;
    static final int DUPLICATE = 1;
    static final int DROPPED = 2;
    static final int DELIVER = 3;
    private static final int MAX_IP_LENGTH = 65_535;
    private static final int IPV4_FRAGMENT_FIELD = 6;
    private static final int IPV4_DONT_FRAGMENT = 0x4000;
    private static final int IPV6_PAYLOAD_LENGTH = 4;
    private static final int IPV6_FRAGMENT_HEADER = 8;

    private final FragmentTable table;
    private final DecodeCounters counters;
    private final Fragment fragment = new Fragment();

    // The datagram to decode after DELIVER.
    private byte[] buf;
    private int offset;
    private int capLength;
    private int wireLength;
    private int wrongFragments;

    Defragmenter(FragmentLimits limits, DecodeCounters counters) {
        this.table = new FragmentTable(limits, counters);
        this.counters = counters;
    }

    /** Offers the IPv4 fragment whose header {@code h} (already decoded into {@code v}) starts at {@code l3}. */
    int offerIpv4(PacketView v, byte[] b, int l3, int capEnd, Ipv4Header h, long now) {
        Fragment f = fragment;
        f.buf = b;
        f.headerOffset = l3;
        f.headerLength = h.headerLength;
        f.dataOffset = l3 + h.headerLength;
        f.start = h.fragmentOffset;
        f.length = h.totalLength - h.headerLength;
        f.capLength = captured(f.dataOffset, f.length, capEnd);
        f.more = h.moreFragments;
        f.maxEnd = MAX_IP_LENGTH - h.headerLength;
        f.nextHeaderField = 0;
        return offer(v, h.id, now);
    }

    /** Offers the IPv6 fragment whose chain walk {@code h} (already decoded into {@code v}) starts at {@code l3}. */
    int offerIpv6(PacketView v, byte[] b, int l3, int capEnd, Ipv6Header h, long now) {
        int unfragmentable = h.fragmentHeaderOffset - l3;
        Fragment f = fragment;
        f.buf = b;
        f.headerOffset = l3;
        f.headerLength = unfragmentable + IPV6_FRAGMENT_HEADER;
        f.dataOffset = h.transportOffset;
        f.start = h.fragmentOffset;
        f.length = h.end - h.transportOffset;
        f.capLength = captured(f.dataOffset, f.length, capEnd);
        f.more = h.moreFragments;
        // The reassembled payload length counts the unfragmentable extension headers too.
        f.maxEnd = MAX_IP_LENGTH - (unfragmentable - Ipv6Decoder.HEADER);
        f.nextHeaderField = h.nextHeaderField - l3;
        return offer(v, h.id, now);
    }

    private static int captured(int dataOffset, int length, int capEnd) {
        return Math.max(0, Math.min(length, capEnd - dataOffset));
    }

    private int offer(PacketView v, long id, long now) {
        counters.countFragment(FragmentCounter.FRAGMENTS);
        int slot = table.open(v, id, now);
        FragmentDatagram d = table.get(slot);
        int wrongBefore = d.wrongFragments();
        int outcome = d.add(fragment);
        counters.countFragments(FragmentCounter.WRONG_FRAGMENTS, d.wrongFragments() - wrongBefore);
        switch (outcome) {
            case FragmentDatagram.DUPLICATE -> {
                counters.countFragment(FragmentCounter.DUPLICATES);
                return DUPLICATE;
            }
            case FragmentDatagram.OVER_LIMIT -> {
                counters.countFragment(FragmentCounter.OVER_LIMIT);
                table.release(slot);
                return DROPPED;
            }
            case FragmentDatagram.COMPLETE -> {
                layOut(d);
                counters.countFragment(wrongFragments == 0 ? FragmentCounter.REASSEMBLED : FragmentCounter.DELIVERED_WRONG);
                table.release(slot);
                return DELIVER;
            }
            default -> {
                return HELD;
            }
        }
    }

    /** Rebuilds the complete datagram, or with wrong fragments its first fragment, as one unfragmented datagram. */
    private void layOut(FragmentDatagram d) {
        wrongFragments = d.wrongFragments();
        boolean whole = wrongFragments == 0;
        int dataLength = whole ? d.lastEnd() : d.firstLength();
        int dataCaptured = whole ? d.capturedPrefix() : d.firstCapLength();
        buf = d.buffer();
        int header;
        if (d.version == 4) {
            header = d.headerLength();
            offset = FragmentDatagram.HEADROOM - header;
            Bytes.put16(buf, offset + 2, header + dataLength);
            Bytes.put16(buf, offset + IPV4_FRAGMENT_FIELD,
                    Bytes.u16(buf, offset + IPV4_FRAGMENT_FIELD) & IPV4_DONT_FRAGMENT);
        } else {
            header = d.headerLength() - IPV6_FRAGMENT_HEADER;
            int fragmentHeader = FragmentDatagram.HEADROOM - IPV6_FRAGMENT_HEADER;
            byte next = buf[fragmentHeader];
            offset = FragmentDatagram.HEADROOM - header;
            System.arraycopy(buf, fragmentHeader - header, buf, offset, header);
            buf[offset + d.nextHeaderField()] = next;
            Bytes.put16(buf, offset + IPV6_PAYLOAD_LENGTH, header - Ipv6Decoder.HEADER + dataLength);
        }
        wireLength = header + dataLength;
        capLength = header + dataCaptured;
    }

    /** Drops datagrams past their timeout; cheap when none are in flight. */
    void expire(long now) {
        if (table.inFlight() > 0) {
            table.expire(now);
        }
    }

    /** Drops every incomplete datagram, counted as expired. */
    void clear() {
        table.clear();
    }

    int inFlight() {
        return table.inFlight();
    }

    /** The delivered datagram: buffer, where its IP header starts, bytes captured and on the wire. */
    byte[] buffer() {
        return buf;
    }

    int offset() {
        return offset;
    }

    int capLength() {
        return capLength;
    }

    int wireLength() {
        return wireLength;
    }

    /** Wrong fragments of the delivered datagram; 0 when it was reassembled whole. */
    int wrongFragments() {
        return wrongFragments;
    }
}
