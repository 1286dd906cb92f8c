package gatewatch.features.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An independent reader and checksum verifier for the tests: it parses a classic pcap and checks
 * each frame's IPv4 header and TCP/UDP/ICMP checksums (and IPv6's, frame by frame) by summing
 * over the received bytes (a correct checksum sums to 0xffff), without the encoder's code.
 */
public final class PacketChecks {
    /** One problem found, named with the frame number (1-based, as tshark counts). */
    public record Problem(long frame, String what) {
    }

    private PacketChecks() {
    }

    public static List<Problem> verify(Path pcap) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(pcap)).order(ByteOrder.LITTLE_ENDIAN);
        List<Problem> problems = new ArrayList<>();
        if (b.getInt(0) != 0xa1b23c4d || b.getInt(20) != 1) {
            problems.add(new Problem(0, "not a nanosecond Ethernet pcap"));
            return problems;
        }
        int at = 24;
        long frame = 0;
        long lastTime = Long.MIN_VALUE;
        while (at < b.limit()) {
            frame++;
            long time = (b.getInt(at) & 0xffffffffL) * 1_000_000_000L + b.getInt(at + 4);
            int capLen = b.getInt(at + 8);
            int wireLen = b.getInt(at + 12);
            if (b.getInt(at + 4) < 0 || b.getInt(at + 4) >= 1_000_000_000) {
                problems.add(new Problem(frame, "nanoseconds out of range"));
            }
            if (time < lastTime) {
                problems.add(new Problem(frame, "time goes back"));
            }
            lastTime = time;
            if (capLen != wireLen || capLen < 60) {
                problems.add(new Problem(frame, "bad lengths " + capLen + "/" + wireLen));
            }
            byte[] f = new byte[capLen];
            b.get(at + 16, f);
            check(f, frame, problems);
            at += 16 + capLen;
        }
        return problems;
    }

    /** Checks one Ethernet frame carrying IPv4 (20-byte header) or IPv6 (no extension headers). */
    public static void check(byte[] f, long frame, List<Problem> problems) {
        if (u16(f, 12) == 0x86dd && (f[14] & 0xf0) == 0x60) {
            int payload = u16(f, 18);
            if (54 + payload > f.length) {
                problems.add(new Problem(frame, "IPv6 payload length " + payload + " in a frame of " + f.length));
                return;
            }
            int proto = f[20] & 0xff;
            long pseudo = proto + payload;
            for (int at = 22; at < 54; at += 2) {
                pseudo += u16(f, at);
            }
            transport(f, frame, proto, 54, payload, pseudo, problems);
            return;
        }
        if (u16(f, 12) != 0x0800 || (f[14] & 0xff) != 0x45) {
            problems.add(new Problem(frame, "not IPv4 or IPv6 over Ethernet"));
            return;
        }
        int total = u16(f, 16);
        if (14 + total > f.length || (f.length > 60 && 14 + total != f.length)) {
            problems.add(new Problem(frame, "IP total length " + total + " in a frame of " + f.length));
            return;
        }
        if (sum(f, 14, 20, 0) != 0xffff) {
            problems.add(new Problem(frame, "IP header checksum"));
        }
        int proto = f[23] & 0xff;
        int l4Length = total - 20;
        long pseudo = u16(f, 26) + u16(f, 28) + u16(f, 30) + u16(f, 32) + proto + l4Length;
        transport(f, frame, proto, 34, l4Length, proto == 1 ? 0 : pseudo, problems);
    }

    private static void transport(byte[] f, long frame, int proto, int l4, int l4Length, long pseudo,
                                  List<Problem> problems) {
        switch (proto) {
            case 6 -> {
                if (sum(f, l4, l4Length, pseudo) != 0xffff) {
                    problems.add(new Problem(frame, "TCP checksum"));
                }
            }
            case 17 -> {
                if (u16(f, l4 + 4) != l4Length) {
                    problems.add(new Problem(frame, "UDP length"));
                }
                if (u16(f, l4 + 6) == 0 || sum(f, l4, l4Length, pseudo) != 0xffff) {
                    problems.add(new Problem(frame, "UDP checksum"));
                }
            }
            // ICMP over IPv4 sums without the pseudo-header (the caller passes 0), ICMPv6 with it.
            case 1, 58 -> {
                if (sum(f, l4, l4Length, pseudo) != 0xffff) {
                    problems.add(new Problem(frame, "ICMP checksum"));
                }
            }
            default -> problems.add(new Problem(frame, "protocol " + proto));
        }
    }

    private static int sum(byte[] f, int off, int len, long acc) {
        for (int i = 0; i < len; i++) {
            acc += (i % 2 == 0 ? (f[off + i] & 0xff) << 8 : f[off + i] & 0xff);
        }
        while (acc > 0xffff) {
            acc = (acc & 0xffff) + (acc >> 16);
        }
        return (int) acc;
    }

    private static int u16(byte[] f, int at) {
        return ((f[at] & 0xff) << 8) | (f[at + 1] & 0xff);
    }
}
