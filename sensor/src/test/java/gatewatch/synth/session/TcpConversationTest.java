package gatewatch.synth.session;

import static org.assertj.core.api.Assertions.assertThat;

import gatewatch.synth.net.Host;
import gatewatch.synth.net.Ipv4;
import gatewatch.synth.net.Network;
import gatewatch.synth.session.TcpConversation.Side;
import gatewatch.synth.wire.Packet;
import gatewatch.synth.wire.TcpSegment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TcpConversationTest {
    private final Network net = new Network(3);
    private final Host client = net.host(Ipv4.of(10, 1, 0, 20));
    private final Host server = net.host(Ipv4.of(203, 0, 113, 10));
    private final List<Packet> packets = new ArrayList<>();
    private final TcpConversation conv = new TcpConversation(packets::add, client, 50_000, server, 80, 60_000_000L,
            10_000_000L, new SplittableRandom(1));

    @Test
    void aSessionIsWhatARealStackSends() {
        long t = conv.open(0);
        t = conv.send(Side.ORIGINATOR, new byte[300], t);
        t = conv.send(Side.RESPONDER, new byte[100_000], t + 5_000_000);
        conv.close(Side.RESPONDER, t);
        List<TcpSegment> segs = packets.stream().map(p -> (TcpSegment) p)
                .sorted(Comparator.comparingLong(TcpSegment::timeNanos)).toList();

        assertThat(segs.get(0).flags()).isEqualTo(TcpSegment.SYN);
        assertThat(segs.get(1).flags()).isEqualTo(TcpSegment.SYN | TcpSegment.ACK);
        assertThat(segs.get(1).ack()).isEqualTo(segs.get(0).seq() + 1);
        assertThat(segs.get(2).ack()).isEqualTo(segs.get(1).seq() + 1);

        int clientIsn = segs.get(0).seq();
        int serverIsn = segs.get(1).seq();
        long[] sent = new long[2];
        long[] acked = new long[2];
        for (TcpSegment s : segs) {
            int side = s.src() == client ? 0 : 1;
            int isn = side == 0 ? clientIsn : serverIsn;
            int peerIsn = side == 0 ? serverIsn : clientIsn;
            assertThat(s.length()).isLessThanOrEqualTo(TcpConversation.MSS);
            if ((s.flags() & TcpSegment.SYN) == 0) {
                // Each byte is sent once, in order: the stream is contiguous.
                assertThat(s.seq() - isn - 1).as("seq of %s", s).isEqualTo((int) sent[side]);
            }
            if ((s.flags() & TcpSegment.ACK) != 0 && (s.flags() & TcpSegment.SYN) == 0) {
                long ack = Integer.toUnsignedLong(s.ack() - peerIsn - 1);
                // An ACK covers only bytes already sent by the peer, never goes back, and the
                // bytes in flight stay below the receiver's window.
                assertThat(ack).isLessThanOrEqualTo(sent[1 - side] + 1).isGreaterThanOrEqualTo(acked[1 - side]);
                acked[1 - side] = ack;
            }
            sent[side] += s.length() + ((s.flags() & TcpSegment.FIN) != 0 ? 1 : 0);
            assertThat(sent[side] - acked[side]).isLessThan(side == 0 ? server.window() + 2 : client.window() + 2);
        }
        assertThat(sent[0]).isEqualTo(301);
        assertThat(sent[1]).isEqualTo(100_001);
        assertThat(acked).containsExactly(301, 100_001);
        // Delayed ACKs: about one pure ACK for every two full segments received.
        long clientPureAcks = segs.stream().filter(s -> s.src() == client && s.length() == 0).count();
        assertThat(clientPureAcks).isBetween(100_000L / TcpConversation.MSS / 2, 100_000L / TcpConversation.MSS / 2 + 4);
    }

    @Test
    void scanProbesHaveTheFlagsOfTheirAnswer() {
        conv.refused(0);
        assertThat(packets).extracting(p -> ((TcpSegment) p).flags())
                .containsExactly(TcpSegment.SYN, TcpSegment.RST | TcpSegment.ACK);
        packets.clear();
        conv.synAckThenReset(0);
        assertThat(packets).extracting(p -> ((TcpSegment) p).flags())
                .containsExactly(TcpSegment.SYN, TcpSegment.SYN | TcpSegment.ACK, TcpSegment.RST);
    }
}
