package gatewatch.features.decode;

import java.util.concurrent.TimeUnit;

/**
 * Bounds of the IP fragment reassembler.
 *
 * @param maxDatagrams            datagrams reassembled at once; when all are in use the oldest is evicted
 * @param maxDatagramBytes        data bytes one datagram may hold (after its IP header); a larger one is given up
 * @param maxFragmentsPerDatagram fragments one datagram may consist of; a datagram cut finer is given up
 * @param timeoutNanos            how long after its first fragment arrived (in packet time) an incomplete
 *                                datagram is dropped
 */
public record FragmentLimits(int maxDatagrams, int maxDatagramBytes, int maxFragmentsPerDatagram, long timeoutNanos) {
    /**
     * 256 datagrams: fragmented traffic is rare (a few datagrams in flight at a time), and 256 is
     * still far more than a burst of normal fragmentation needs; a buffer grows only as far as its
     * datagram needs, so the worst case, under a fragment flood, is 256 x 64 KiB = 16 MiB.
     * 65,535 bytes: the largest datagram IP can describe. 64 fragments: a full-size datagram cut
     * for a 1,500-byte MTU takes 45 (FreeBSD stops at 16 per datagram; a finer cut is an attack
     * on the reassembler). 30 seconds: Linux's {@code ipfrag_time}; RFC 791 suggests 15 s and
     * RFC 8200 60 s for IPv6. Fragments of one datagram arrive within milliseconds, so the
     * timeout only decides how long an incomplete datagram holds a slot.
     */
    public static final FragmentLimits DEFAULT = new FragmentLimits(256, 65_535, 64, TimeUnit.SECONDS.toNanos(30));

    public FragmentLimits {
        if (maxDatagrams < 1 || maxDatagrams > 1 << 20) {
            throw new IllegalArgumentException("maxDatagrams must be 1..1048576, not " + maxDatagrams);
        }
        if (maxDatagramBytes < 8 || maxDatagramBytes > 65_535) {
            throw new IllegalArgumentException("maxDatagramBytes must be 8..65535, not " + maxDatagramBytes);
        }
        if (maxFragmentsPerDatagram < 2 || maxFragmentsPerDatagram > 8192) {
            throw new IllegalArgumentException("maxFragmentsPerDatagram must be 2..8192, not " + maxFragmentsPerDatagram);
        }
        if (timeoutNanos <= 0) {
            throw new IllegalArgumentException("timeoutNanos must be positive, not " + timeoutNanos);
        }
    }
}
