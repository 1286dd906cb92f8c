package gatewatch.sensor.metrics;

import gatewatch.features.decode.FrameHandler;
import gatewatch.features.decode.LinkType;
import gatewatch.features.encode.Frames;

/** Frames fed to a handler the way a capture would, with a clock that moves 1 ms a frame. */
final class Traffic {
    private final FrameHandler handler;
    private long nanos = 1_700_000_000_000_000_000L;

    Traffic(FrameHandler handler) {
        this.handler = handler;
    }

    void frame(byte[] ethernet) {
        nanos += 1_000_000;
        handler.onFrame(ethernet, 0, ethernet.length, ethernet.length, LinkType.ETHERNET, nanos);
    }

    /** SYN, SYN/ACK, ACK, then one data segment each way of {@code payload} bytes. */
    void tcpSession(String client, int clientPort, String server, int serverPort, String request) {
        frame(Frames.tcp(client, clientPort, server, serverPort).flags(Frames.SYN).seq(100).ethernet());
        frame(Frames.tcp(server, serverPort, client, clientPort).flags(Frames.SYN | Frames.ACK).seq(500).ack(101).ethernet());
        frame(Frames.tcp(client, clientPort, server, serverPort).flags(Frames.ACK).seq(101).ack(501).ethernet());
        frame(Frames.tcp(client, clientPort, server, serverPort).flags(Frames.ACK | Frames.PSH).seq(101).ack(501)
                .payload(request).ethernet());
    }

    /** A lone SYN: opens a connection in the tracker. */
    void syn(String client, int clientPort, String server, int serverPort) {
        frame(Frames.tcp(client, clientPort, server, serverPort).flags(Frames.SYN).seq(1).ethernet());
    }

    /** Fewer bytes than an Ethernet header. */
    void truncatedEthernet() {
        frame(new byte[10]);
    }

    /** An IPv4 frame whose version nibble says 5. */
    void wrongIpVersion() {
        byte[] f = Frames.udp("10.0.0.1", 1000, "10.0.0.2", 53).payloadLength(4).ethernet();
        f[14] = 0x55;
        frame(f);
    }

    /** An ARP reply nobody asked for, from {@code mac}, claiming {@code ip}. */
    void arpReply(long mac, String ip) {
        frame(Frames.arp(0x0200_0000_0057L, 2, mac, ip, 0x0200_0000_0057L, "10.0.0.57"));
    }

    /** An ARP frame of a kind the decoder does not follow (hardware type 0): well-formed, not IP. */
    void arp() {
        byte[] f = new byte[42];
        f[12] = 0x08;
        f[13] = 0x06;
        frame(f);
    }
}
