package gatewatch.features.encode;

import static org.assertj.core.api.Assertions.assertThat;

import gatewatch.features.testing.PacketChecks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shared frame builder, checked by an independent verifier ({@link PacketChecks}). */
class FramesTest {
    private static final byte[] ODD = filled(1_001);

    private static byte[] filled(int n) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) 0xa5);
        return b;
    }

    private static List<PacketChecks.Problem> problems(byte[] frame) {
        List<PacketChecks.Problem> problems = new ArrayList<>();
        PacketChecks.check(frame, 1, problems);
        return problems;
    }

    @Test
    void everyTransportOverIpv4AndIpv6HasRightChecksums() {
        for (String[] pair : new String[][] {{"10.0.0.1", "192.0.2.9"}, {"2001:db8::1", "2001:db8::ff:9"}}) {
            String a = pair[0];
            String b = pair[1];
            assertThat(problems(Frames.tcp(a, 50_000, b, 80).flags(Frames.SYN).seq(-7).mss(1460).ethernet()))
                    .as("SYN with options %s", a).isEmpty();
            assertThat(problems(Frames.tcp(a, 50_000, b, 80).flags(Frames.ACK | Frames.PSH).payload(ODD).ethernet()))
                    .as("TCP with an odd payload %s", a).isEmpty();
            assertThat(problems(Frames.udp(a, 53_000, b, 53).payload(ODD).ethernet())).as("UDP %s", a).isEmpty();
            assertThat(problems(Frames.icmp(a, b, a.contains(":") ? 128 : 8, 0).icmpSeq(9).payload(ODD).ethernet()))
                    .as("echo request %s", a).isEmpty();
        }
    }

    @Test
    void aUdpChecksumThatComesOutZeroIsSentAsAllOnes() {
        // The payload is chosen so the sum before complementing is 0xffff: the checksum computes to 0.
        byte[] plain = Frames.udp("10.0.0.1", 1, "10.0.0.2", 2).payload(new byte[2]).ethernet();
        int sum = ((plain[40] & 0xff) << 8) | (plain[41] & 0xff);
        byte[] word = {(byte) (sum >>> 8), (byte) sum};
        byte[] frame = Frames.udp("10.0.0.1", 1, "10.0.0.2", 2).payload(word).ethernet();
        assertThat(Arrays.copyOfRange(frame, 40, 42)).containsExactly(0xff, 0xff);
        assertThat(problems(frame)).isEmpty();
    }

    @Test
    void paddingToTheEthernetMinimumIsAsked() {
        assertThat(Frames.icmp("10.0.0.1", "10.0.0.2", 8, 0).ethernet()).hasSize(14 + 20 + 8);
        byte[] padded = Frames.icmp("10.0.0.1", "10.0.0.2", 8, 0).padded().ethernet();
        assertThat(padded).hasSize(Frames.MIN_ETHERNET);
        assertThat(Arrays.copyOfRange(padded, 42, 60)).containsOnly(0);
        assertThat(problems(padded)).isEmpty();
    }

    @Test
    void writingIntoAReusedBufferGivesTheSameBytesAndClearsThePadding() {
        byte[] buf = new byte[Frames.MAX_ETHERNET];
        Arrays.fill(buf, (byte) 0x77);
        Frames.Packet syn = Frames.tcp(0x0a00_0001, 40_000, 0xc000_0209, 80).flags(Frames.SYN).dontFragment().macs(0x02_00_0a_00_00_01L, 0x02_00_c0_00_02_09L).ttl(63).ipId(0xbeef).padded();
        int n = syn.writeEthernet(buf);
        assertThat(n).isEqualTo(Frames.MIN_ETHERNET);
        assertThat(Arrays.copyOf(buf, n)).isEqualTo(syn.ethernet());
        assertThat(Arrays.copyOfRange(buf, 0, 12))
                .containsExactly(0x02, 0x00, 0xc0, 0x00, 0x02, 0x09, 0x02, 0x00, 0x0a, 0x00, 0x00, 0x01);
        assertThat(Arrays.copyOfRange(buf, 18, 23)).as("id, DF, TTL").containsExactly(0xbe, 0xef, 0x40, 0x00, 63);
        assertThat(Arrays.copyOfRange(buf, 54, 60)).containsOnly(0);
    }

    @Test
    void theMssOptionBlockIsWhatASynWithoutTimestampsCarries() {
        byte[] syn = Frames.tcp("10.0.0.1", 40_000, "10.0.0.2", 80).flags(Frames.SYN).mss(1460).ethernet();
        assertThat(syn).hasSize(14 + 20 + 28);
        assertThat(syn[46] & 0xff).as("data offset: 7 words").isEqualTo(0x70);
        assertThat(Arrays.copyOfRange(syn, 54, 62)).as("MSS 1460, NOP, NOP, SACK permitted")
                .containsExactly(2, 4, 0x05, 0xb4, 1, 1, 4, 2);
    }
}
