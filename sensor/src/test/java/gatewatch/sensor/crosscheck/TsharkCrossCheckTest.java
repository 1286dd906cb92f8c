package gatewatch.sensor.crosscheck;

import static org.assertj.core.api.Assertions.assertThat;

import gatewatch.features.conn.ConnectionSummary;
import gatewatch.features.conn.FinishReason;
import gatewatch.features.extract.ConnectionRecord;
import gatewatch.features.kdd.KddFlag;
import gatewatch.features.testing.SharedData;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Connection counts and flags against tshark's conversation statistics. Every difference is
 * classified and explained; an unexplained one fails the test.
 */
class TsharkCrossCheckTest {

    private static Map<String, Long> ours(List<ConnectionRecord> records, String transport) {
        return records.stream().map(ConnectionRecord::conn)
                .filter(c -> c.transport().equals(transport))
                .collect(Collectors.groupingBy(TsharkCrossCheckTest::key, Collectors.counting()));
    }

    private static String key(ConnectionSummary c) {
        return Tshark.key(endpoint(c.origAddress().toString(), c.origPort()), endpoint(c.respAddress().toString(), c.respPort()));
    }

    private static String endpoint(String ip, int port) {
        return ip + ":" + port;
    }

    private static Map<String, Long> tshark(Path file, String proto) throws Exception {
        return Tshark.conversations(file, proto).stream().collect(Collectors.groupingBy(k -> k, Collectors.counting()));
    }

    @Test
    void allFlagCombosCapture() throws Exception {
        Path file = SharedData.require("pcaps/odd/esnet-tcp-two-way-all-flag-combos.pcap");
        List<ConnectionRecord> records = Extraction.of(file);
        Map<String, Long> ours = ours(records, "tcp");
        Map<String, Long> theirs = tshark(file, "tcp");

        // Same set of 5-tuples.
        assertThat(ours.keySet()).isEqualTo(theirs.keySet());
        assertThat(theirs.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(4465);

        Map<String, List<ConnectionSummary>> byKey = records.stream().map(ConnectionRecord::conn)
                .collect(Collectors.groupingBy(TsharkCrossCheckTest::key));
        int tsharkSplitsMore = 0;
        int weSplitMore = 0;
        for (String k : theirs.keySet()) {
            long t = theirs.get(k);
            long o = ours.get(k);
            List<ConnectionSummary> mine = byKey.get(k);
            if (t > o) {
                // Wireshark starts a new TCP stream at any SYN that follows other packets of the
                // 5-tuple. Zeek's rules (and ours) continue the connection unless it had ended: the
                // SYN shows up inside our history after the first letter (as Q/q, or I/i, when it
                // came with FIN or RST: Zeek's letters for multi-flag packets).
                tsharkSplitsMore++;
                assertThat(mine).as(k).anySatisfy(c -> assertThat(c.history().substring(1))
                        .containsAnyOf("S", "s", "H", "h", "Q", "q", "I", "i"));
            } else if (o > t) {
                // We start a new connection when a SYN arrives after the old one ended with a RST or
                // a FIN exchange (Zeek's reuse rule); Wireshark keeps a SYN with an unchanged
                // sequence number in the same stream.
                weSplitMore++;
                assertThat(mine).as(k).anySatisfy(c -> assertThat(c.finishReason()).isEqualTo(FinishReason.REUSED));
            }
        }
        assertThat(tsharkSplitsMore).isEqualTo(376);
        assertThat(weSplitMore).isEqualTo(128);
        assertThat(records).hasSize(4217);
        // Every one of the 13 states occurs except RSTOS0 (no SYN followed by the originator's RST here).
        assertThat(records.stream().map(r -> r.conn().zeekState()).distinct())
                .containsExactlyInAnyOrder(KddFlag.SF, KddFlag.S0, KddFlag.REJ, KddFlag.RSTO, KddFlag.RSTR,
                        KddFlag.RSTRH, KddFlag.SH, KddFlag.SHR, KddFlag.S1, KddFlag.S2, KddFlag.S3, KddFlag.OTH);
    }

    @Test
    void flagsAgreeWithTsharksPacketFlagsForCanonicalPatterns() throws Exception {
        Path file = SharedData.require("pcaps/odd/esnet-tcp-two-way-all-flag-combos.pcap");
        Map<String, KddFlag> expected = expectedFromTshark(file);
        assertThat(expected).hasSize(224);
        Map<String, KddFlag> actual = new HashMap<>();
        for (ConnectionRecord r : Extraction.of(file)) {
            actual.put(key(r.conn()) + "@" + r.conn().startNanos() / 1000, r.conn().zeekState());
        }
        expected.forEach((k, flag) -> assertThat(actual.get(k)).as(k).isEqualTo(flag));
    }

    /**
     * Streams whose packet-flag sequence is one of the textbook patterns, with the state Zeek
     * gives them, derived from tshark's per-packet flags alone.
     */
    private static Map<String, KddFlag> expectedFromTshark(Path file) throws Exception {
        List<String> lines = Tshark.run("-r", file.toString(), "-T", "fields", "-E", "separator=;",
                "-e", "tcp.stream", "-e", "ip.src", "-e", "tcp.srcport", "-e", "ip.dst", "-e", "tcp.dstport",
                "-e", "tcp.flags", "-e", "frame.time_epoch");
        Map<String, StringBuilder> pattern = new HashMap<>();
        Map<String, String> firstOf = new HashMap<>();
        Map<String, String> origOf = new HashMap<>();
        for (String l : lines) {
            String[] f = l.split(";");
            String stream = f[0];
            String src = f[1] + ":" + f[2];
            int flags = Integer.decode(f[5]);
            origOf.putIfAbsent(stream, src);
            firstOf.putIfAbsent(stream, Tshark.key(src, f[3] + ":" + f[4]) + "@" + microsOf(f[6]));
            boolean fromOrig = origOf.get(stream).equals(src);
            pattern.computeIfAbsent(stream, s -> new StringBuilder()).append(letter(flags, fromOrig));
        }
        // Only 5-tuples that are one stream for tshark: where tshark splits, the count test explains it.
        Map<String, Long> streamsPerTuple = firstOf.values().stream()
                .collect(Collectors.groupingBy(k -> k.substring(0, k.indexOf('@')), Collectors.counting()));
        Map<String, KddFlag> out = new HashMap<>();
        pattern.forEach((stream, p) -> {
            String first = firstOf.get(stream);
            if (streamsPerTuple.get(first.substring(0, first.indexOf('@'))) > 1) {
                return;
            }
            KddFlag f = switch (p.toString()) {
                case "S" -> KddFlag.S0;
                case "Sr" -> KddFlag.REJ;
                case "ShA", "ShAD", "ShADd" -> KddFlag.S1;
                case "ShAF", "ShADF" -> KddFlag.S2;
                case "ShAf" -> KddFlag.S3;
                case "ShAFf", "ShAfF", "ShAFfA", "ShAfFa" -> KddFlag.SF;
                case "ShAR" -> KddFlag.RSTO;
                case "ShAr" -> KddFlag.RSTR;
                case "SF" -> KddFlag.SH;
                // The capture's one- and two-packet combinations, by Zeek's documented meanings: a
                // lone FIN from the originator is half-open (SH); FIN from both sides is SF; RSTs from
                // both sides with no data is a rejected attempt; midstream-only traffic is OTH.
                case "F" -> KddFlag.SH;
                case "Ff" -> KddFlag.SF;
                case "Rr" -> KddFlag.REJ;
                case "A", "D", "R", "Aa", "Ad", "Dd", "Da" -> KddFlag.OTH;
                default -> null;
            };
            if (f != null) {
                out.put(first, f);
            }
        });
        return out;
    }

    private static long microsOf(String epoch) {
        String[] p = epoch.split("\\.");
        String frac = (p.length > 1 ? p[1] : "") + "000000000";
        return Long.parseLong(p[0]) * 1_000_000L + Long.parseLong(frac.substring(0, 6));
    }

    /**
     * S SYN, H SYN-ACK, A ACK, D PSH, F FIN, R RST, lower case from the responder; X for a packet
     * with more than one of SYN, FIN and RST, which no textbook pattern contains.
     */
    private static char letter(int flags, boolean fromOrig) {
        boolean syn = (flags & 0x02) != 0;
        boolean ack = (flags & 0x10) != 0;
        int control = Integer.bitCount(flags & 0x07);
        char c;
        if (control > 1) {
            c = 'X';
        } else if ((flags & 0x04) != 0) {
            c = 'R';
        } else if ((flags & 0x01) != 0) {
            c = 'F';
        } else if (syn) {
            c = ack ? 'H' : 'S';
        } else if ((flags & 0x08) != 0) {
            c = 'D';
        } else {
            c = 'A';
        }
        return fromOrig ? c : Character.toLowerCase(c);
    }

    @Test
    void normalCapturesMatchTsharkExactly() throws Exception {
        // In these captures no 5-tuple is reused and no flow idles past its timeout, so every
        // tshark conversation is exactly one connection.
        for (String name : List.of("pcaps/normal/zeek-ftp-ipv4.pcap", "pcaps/normal/suricata-lan-background.pcap",
                "pcaps/normal/anvita13-normal-browsing.pcap")) {
            Path file = SharedData.require(name);
            List<ConnectionRecord> records = Extraction.of(file);
            assertThat(ours(records, "tcp")).as(name + " tcp").isEqualTo(tshark(file, "tcp"));
            assertThat(ours(records, "udp")).as(name + " udp").isEqualTo(tshark(file, "udp"));
        }
    }
}
