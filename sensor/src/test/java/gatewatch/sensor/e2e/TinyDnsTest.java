package gatewatch.sensor.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The test's DNS responder, on messages built here (no socket, no root). */
class TinyDnsTest {
    private final TinyDns dns = new TinyDns(Map.of("www.gatewatch.test", new byte[] {10, (byte) 250, 7, 1}));

    @Test
    void answersAKnownNameWithItsAddress() {
        byte[] q = query(0x1234, "WWW.gatewatch.test", 1);
        ByteBuffer r = ByteBuffer.wrap(dns.answer(q, q.length));
        assertThat(r.getShort(0) & 0xffff).isEqualTo(0x1234);
        assertThat(r.getShort(2) & 0xffff).as("QR, AA, RD echoed, NOERROR").isEqualTo(0x8500);
        assertThat(r.getShort(4)).isEqualTo((short) 1);
        assertThat(r.getShort(6)).as("one answer").isEqualTo((short) 1);
        int answer = q.length;
        assertThat(r.getShort(answer) & 0xffff).as("name pointer to the question").isEqualTo(0xc00c);
        assertThat(r.getShort(answer + 10)).as("rdlength").isEqualTo((short) 4);
        assertThat(new byte[] {r.get(answer + 12), r.get(answer + 13), r.get(answer + 14), r.get(answer + 15)})
                .containsExactly(10, (byte) 250, 7, 1);
    }

    @Test
    void anOtherTypeOfAKnownNameHasNoAnswer() {
        byte[] q = query(7, "www.gatewatch.test", 28);
        byte[] r = dns.answer(q, q.length);
        assertThat(r).hasSize(q.length);
        assertThat(ByteBuffer.wrap(r).getShort(2) & 0x000f).isZero();
        assertThat(ByteBuffer.wrap(r).getShort(6)).isZero();
    }

    @Test
    void anUnknownNameIsNxdomain() {
        byte[] q = query(8, "wwww.gatewatch.test", 1);
        byte[] r = dns.answer(q, q.length);
        assertThat(ByteBuffer.wrap(r).getShort(2) & 0x000f).isEqualTo(3);
        assertThat(ByteBuffer.wrap(r).getShort(6)).isZero();
    }

    @Test
    void responsesAndRuntsAreIgnoredAndBadLabelsAreFormErr() {
        byte[] q = query(9, "www.gatewatch.test", 1);
        q[2] |= (byte) 0x80;
        assertThat(dns.answer(q, q.length)).isNull();
        assertThat(dns.answer(new byte[5], 5)).isNull();
        byte[] bad = query(10, "www.gatewatch.test", 1);
        bad[12] = 70; // a label longer than 63
        assertThat(ByteBuffer.wrap(dns.answer(bad, bad.length)).getShort(2) & 0x000f).isEqualTo(1);
    }

    /** A standard query with RD set, one question, class IN. */
    private static byte[] query(int id, String name, int type) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ByteBuffer.allocate(12).putShort((short) id).putShort((short) 0x0100).putShort((short) 1)
                .putShort((short) 0).putShort((short) 0).putShort((short) 0).array());
        for (String label : name.split("\\.")) {
            out.write(label.length());
            out.writeBytes(label.getBytes(StandardCharsets.US_ASCII));
        }
        out.write(0);
        out.writeBytes(ByteBuffer.allocate(4).putShort((short) type).putShort((short) 1).array());
        return out.toByteArray();
    }
}
