package gatewatch.synth.wire;

import static org.assertj.core.api.Assertions.assertThat;

import gatewatch.features.testing.PacketChecks;
import gatewatch.synth.net.Host;
import gatewatch.synth.net.Ipv4;
import gatewatch.synth.net.Network;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PacketFramerTest {
    private final Network net = new Network(1);
    private final Host a = net.host(Ipv4.of(10, 1, 0, 10));
    private final Host b = net.host(Ipv4.of(203, 0, 113, 10));
    private final PacketFramer builder = new PacketFramer();

    private List<PacketChecks.Problem> check(Packet p) {
        int n = builder.build(p);
        List<PacketChecks.Problem> problems = new ArrayList<>();
        PacketChecks.check(Arrays.copyOf(builder.buffer(), n), 1, problems);
        return problems;
    }

    @Test
    void everyKindOfPacketHasRightChecksumsAndLengths() {
        byte[] odd = new byte[1_001];
        Arrays.fill(odd, (byte) 0xa5);
        assertThat(check(TcpSegment.control(0, a, 50_000, b, 80, 12345, 0, TcpSegment.SYN, 65_535, 1460))).isEmpty();
        assertThat(check(new TcpSegment(0, b, 80, a, 50_000, -7, 99, TcpSegment.ACK | TcpSegment.PSH, 8_760, 0, odd, 1, 1_000)))
                .isEmpty();
        assertThat(check(new UdpDatagram(0, a, 53_000, b, 53, odd, true))).isEmpty();
        assertThat(check(new IcmpMessage(0, b, a, IcmpMessage.ECHO_REPLY, 7, 9, odd, 1_001))).isEmpty();
        assertThat(check(new IcmpMessage(0, b, a, IcmpMessage.ECHO_REQUEST, 0xffff, 0xffff, odd, 0))).isEmpty();
    }

    @Test
    void shortFramesArePaddedAndLongOnesExact() {
        assertThat(builder.build(new IcmpMessage(0, b, a, IcmpMessage.ECHO_REQUEST, 1, 1, new byte[0], 0))).isEqualTo(60);
        assertThat(builder.build(new IcmpMessage(0, b, a, IcmpMessage.ECHO_REPLY, 1, 1, new byte[1024], 1024)))
                .isEqualTo(14 + 20 + 8 + 1024);
        byte[] mss = new byte[1460];
        assertThat(builder.build(new TcpSegment(0, a, 1, b, 2, 0, 0, TcpSegment.ACK, 100, 0, mss, 0, 1460))).isEqualTo(1514);
    }

    @Test
    void ipIdentificationCountsPerSendingHostAndRemoteHostsCarryTheRouterMac() {
        int first = idOf(new UdpDatagram(0, a, 1, b, 2, new byte[4], true));
        idOf(new UdpDatagram(0, b, 2, a, 1, new byte[4], false));
        assertThat(idOf(new UdpDatagram(0, a, 1, b, 2, new byte[4], true))).isEqualTo((first + 1) & 0xffff);
        byte[] f = builder.buffer();
        assertThat(Arrays.copyOfRange(f, 0, 6)).containsExactly(0x02, 0x00, 0x0a, 0x01, 0x00, 0x01);
        assertThat(Arrays.copyOfRange(f, 6, 12)).containsExactly(0x02, 0x00, 0x0a, 0x01, 0x00, 0x0a);
    }

    private int idOf(Packet p) {
        builder.build(p);
        return ((builder.buffer()[18] & 0xff) << 8) | (builder.buffer()[19] & 0xff);
    }
}
