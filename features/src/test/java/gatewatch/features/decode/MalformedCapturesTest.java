package gatewatch.features.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import gatewatch.features.testing.CaptureFiles;
import gatewatch.features.testing.SharedData;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every capture in {@code shared/pcaps/malformed} is decoded to the end with no exception escaping
 * and no hang, and gives exactly the outcome recorded in {@code malformed-expected.csv}.
 */
class MalformedCapturesTest {
    private static final String TABLE = "malformed-expected.csv";
    private static final Map<String, Map<String, String>> EXPECTED = ExpectedTable.read(TABLE).stream()
            .collect(Collectors.toMap(r -> r.get("file"), Function.identity()));

    static Stream<Path> captures() throws IOException {
        SharedData.require("pcaps/malformed");
        return MalformedTable.captures().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void decodesWithoutEscapingOrHangingToTheRecordedOutcome(Path capture) {
        String name = capture.getFileName().toString();
        MalformedTable.Outcome outcome = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> MalformedTable.decode(capture));
        assertThat(EXPECTED).as("a row for %s in %s", name, TABLE).containsKey(name);
        Map<String, String> row = EXPECTED.get(name);
        assertThat(outcome.row()).isEqualTo(String.join(",", row.values()));
    }

    @Test
    void tableHasNoRowForAFileThatIsGone() throws IOException {
        SharedData.require("pcaps/malformed");
        List<String> files = MalformedTable.captures().stream().map(p -> p.getFileName().toString()).toList();
        assertThat(files).containsAll(EXPECTED.keySet());
    }

    @Test
    void damagedFileReportsTheDamageAfterDecodingTheFramesBeforeIt() throws IOException {
        Path f = SharedData.require("pcaps/malformed/natural-corrupted-huge-caplen.pcap");
        DecodeCounters counters = new DecodeCounters();
        FrameDecoder decoder = new FrameDecoder(counters);
        PacketView v = new PacketView();
        long[] firstPacketPorts = new long[2];
        try {
            CaptureFiles.read(f, (b, off, capLen, wireLen, linkType, ts) -> {
                if (decoder.decode(b, off, capLen, wireLen, linkType, ts, v) == DecodeStatus.PACKET && counters.packets() == 1) {
                    firstPacketPorts[0] = v.srcPort();
                    firstPacketPorts[1] = v.dstPort();
                }
            });
            throw new AssertionError("the damage was not reported");
        } catch (CaptureFiles.DamagedCaptureException e) {
            assertThat(e.offset()).isEqualTo(130);
            assertThat(e.framesRead()).isEqualTo(2);
            assertThat(e.getMessage()).contains("4194304");
        }
        // tcpdump: "127.0.0.1.52362 > 127.0.0.1.1234: Flags [S]", then a record of 0 bytes.
        assertThat(counters.packets()).isEqualTo(1);
        assertThat(firstPacketPorts).containsExactly(52362, 1234);
        assertThat(counters.malformed(MalformedReason.LINK_TRUNCATED)).isEqualTo(1);
    }
}
