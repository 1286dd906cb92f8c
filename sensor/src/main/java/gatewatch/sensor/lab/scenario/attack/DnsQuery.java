package gatewatch.sensor.lab.scenario.attack;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** The bytes of one DNS query (RFC 1035) with an EDNS0 OPT record (RFC 6891), for tools that send raw payloads. */
final class DnsQuery {
    static final int TYPE_A = 1;
    static final int TYPE_TXT = 16;
    static final int TYPE_ANY = 255;
    private static final int TYPE_OPT = 41;

    private DnsQuery() {
    }

    /**
     * A recursion-desired query for {@code name}, type {@code qtype}, class IN, advertising an
     * EDNS0 UDP payload of {@code udpSize} bytes.
     */
    static byte[] of(int id, String name, int qtype, int udpSize) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        short16(out, id);
        short16(out, 0x0100);
        short16(out, 1);
        short16(out, 0);
        short16(out, 0);
        short16(out, 1);
        for (String label : name.split("\\.")) {
            byte[] b = label.getBytes(StandardCharsets.US_ASCII);
            if (b.length == 0 || b.length > 63) {
                throw new IllegalArgumentException("bad DNS label in " + name);
            }
            out.write(b.length);
            out.writeBytes(b);
        }
        out.write(0);
        short16(out, qtype);
        short16(out, 1);
        out.write(0);
        short16(out, TYPE_OPT);
        short16(out, udpSize);
        short16(out, 0);
        short16(out, 0);
        short16(out, 0);
        return out.toByteArray();
    }

    private static void short16(ByteArrayOutputStream out, int v) {
        out.write(v >>> 8 & 0xff);
        out.write(v & 0xff);
    }
}
