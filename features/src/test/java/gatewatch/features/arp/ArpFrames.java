package gatewatch.features.arp;

import gatewatch.features.encode.Frames;

/** ARP requests and replies as hosts send them, for tests. */
final class ArpFrames {
    static final long BROADCAST = Frames.BROADCAST_MAC;

    private ArpFrames() {
    }

    static byte[] request(long senderMac, String senderIp, String targetIp) {
        return Frames.arp(BROADCAST, 1, senderMac, senderIp, 0, targetIp);
    }

    static byte[] reply(long senderMac, String senderIp, long targetMac, String targetIp) {
        return Frames.arp(targetMac, 2, senderMac, senderIp, targetMac, targetIp);
    }

    static byte[] frame(long ethDst, int op, long sha, String spa, long tha, String tpa) {
        return Frames.arp(ethDst, op, sha, spa, tha, tpa);
    }
}
