package gatewatch.sensor.e2e;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A small authoritative DNS server over UDP for the end-to-end test, so the test needs no DNS
 * package: it answers A queries for the names it was given, NOERROR with no answer for other types
 * of those names, and NXDOMAIN for every other name. Runs until killed (SIGTERM).
 *
 * <p>usage: {@code java -cp <test classes> gatewatch.sensor.e2e.TinyDns BIND_IP PORT NAME=IPV4...}
 */
public final class TinyDns {
    private static final int TYPE_A = 1;
    private static final int TYPE_ANY = 255;
    private static final int RCODE_NXDOMAIN = 3;
    private static final int RCODE_FORMERR = 1;

    private final Map<String, byte[]> zone;

    TinyDns(Map<String, byte[]> zone) {
        this.zone = zone;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: TinyDns BIND_IP PORT NAME=IPV4...");
            System.exit(2);
        }
        Map<String, byte[]> zone = new HashMap<>();
        for (int i = 2; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            zone.put(kv[0].toLowerCase(Locale.ROOT), InetAddress.getByName(kv[1]).getAddress());
        }
        TinyDns dns = new TinyDns(zone);
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(args[0], Integer.parseInt(args[1])))) {
            System.out.println("dns on " + socket.getLocalSocketAddress() + " for " + zone.keySet());
            System.out.flush();
            byte[] buf = new byte[1500];
            while (true) {
                DatagramPacket query = new DatagramPacket(buf, buf.length);
                socket.receive(query);
                byte[] answer = dns.answer(buf, query.getLength());
                if (answer != null) {
                    socket.send(new DatagramPacket(answer, answer.length, query.getSocketAddress()));
                }
            }
        }
    }

    /** The response to one query message, or null when it is not a query worth answering. */
    byte[] answer(byte[] msg, int len) {
        if (len < 12 || (msg[2] & 0x80) != 0) {
            return null; // too short, or a response
        }
        ByteBuffer in = ByteBuffer.wrap(msg, 0, len);
        int id = in.getShort(0) & 0xffff;
        int flags = in.getShort(2) & 0xffff;
        int qdcount = in.getShort(4) & 0xffff;
        StringBuilder name = new StringBuilder();
        int pos = 12;
        while (pos < len && msg[pos] != 0) {
            int labelLen = msg[pos] & 0xff;
            if (labelLen > 63 || pos + 1 + labelLen >= len) {
                return header(id, flags, RCODE_FORMERR, 0, 0);
            }
            if (!name.isEmpty()) {
                name.append('.');
            }
            name.append(new String(msg, pos + 1, labelLen, java.nio.charset.StandardCharsets.US_ASCII));
            pos += 1 + labelLen;
        }
        int questionEnd = pos + 5; // the root label, QTYPE, QCLASS
        if (qdcount != 1 || questionEnd > len) {
            return header(id, flags, RCODE_FORMERR, 0, 0);
        }
        int qtype = in.getShort(pos + 1) & 0xffff;
        byte[] address = zone.get(name.toString().toLowerCase(Locale.ROOT));
        boolean withAnswer = address != null && (qtype == TYPE_A || qtype == TYPE_ANY);
        ByteBuffer out = ByteBuffer.allocate(questionEnd + (withAnswer ? 16 : 0));
        out.put(header(id, flags, address == null ? RCODE_NXDOMAIN : 0, 1, withAnswer ? 1 : 0));
        out.put(msg, 12, questionEnd - 12);
        if (withAnswer) {
            out.putShort((short) 0xc00c).putShort((short) TYPE_A).putShort((short) 1).putInt(300)
                    .putShort((short) 4).put(address);
        }
        return out.array();
    }

    /** A response header: the query's id, opcode and RD bit; authoritative; the counts given. */
    private static byte[] header(int id, int queryFlags, int rcode, int qdcount, int ancount) {
        int flags = 0x8000 | (queryFlags & 0x7900) | 0x0400 | rcode;
        return ByteBuffer.allocate(12).putShort((short) id).putShort((short) flags).putShort((short) qdcount)
                .putShort((short) ancount).putShort((short) 0).putShort((short) 0).array();
    }
}
