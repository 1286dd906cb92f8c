package gatewatch.synth.truth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gatewatch.features.kdd.ProtocolType;
import gatewatch.synth.net.Ipv4;
import gatewatch.synth.scenario.ScenarioKind;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TruthFileTest {
    private static final int CLIENT = Ipv4.of(10, 1, 1, 5);
    private static final int SERVER = Ipv4.of(10, 1, 1, 80);

    @TempDir
    Path tmp;

    @Test
    void oneLineAConnectionInTheDocumentedFormat() throws Exception {
        Path file = tmp.resolve("truth.txt");
        try (TruthFile t = TruthFile.create(file, "made by a test")) {
            t.connection(new TrueConnection(1_741_000_000_123_456_789L, ProtocolType.TCP, CLIENT, 49_152, SERVER, 21,
                    ScenarioKind.GUESS_PASSWD_FTP));
            t.connection(new TrueConnection(1_741_000_001_000_000_000L, ProtocolType.UDP, CLIENT, 60_000, SERVER, 53,
                    ScenarioKind.NORMAL));
            t.connection(new TrueConnection(1_741_000_002_000_001_001L, ProtocolType.ICMP, SERVER, 0, CLIENT, 0,
                    ScenarioKind.SMURF));
            assertThat(t.rules()).isEqualTo(3);
        }
        assertThat(Files.readAllLines(file)).containsExactly(
                "# gatewatch truth v1",
                "# start end proto orig resp orig_port resp_port category label",
                "# made by a test",
                // The microseconds around the start; a start on a whole microsecond is its own range.
                "1741000000.123456 1741000000.123457 tcp 10.1.1.5 10.1.1.80 49152 21 r2l guess_passwd",
                "1741000001.000000 1741000001.000000 udp 10.1.1.5 10.1.1.80 60000 53 normal normal",
                "1741000002.000001 1741000002.000002 icmp 10.1.1.80 10.1.1.5 * * dos smurf");
    }

    @Test
    void groundTruthFindsAConnectionByItsExactKeyOnly() {
        GroundTruth g = new GroundTruth();
        for (int i = 0; i < 3_000; i++) {
            // Several connections start at the same nanosecond.
            g.connection(new TrueConnection(1_000L + i / 3, ProtocolType.TCP, CLIENT, 40_000 + i, SERVER, 80,
                    i == 1_501 ? ScenarioKind.NEPTUNE : ScenarioKind.NORMAL));
        }
        int i = g.indexOf(1_500L, ProtocolType.TCP, CLIENT, 41_501, SERVER, 80);
        assertThat(i).isEqualTo(1_501);
        assertThat(g.kind(i)).isEqualTo(ScenarioKind.NEPTUNE);
        assertThat(g.get(i)).isEqualTo(new TrueConnection(1_500L, ProtocolType.TCP, CLIENT, 41_501, SERVER, 80,
                ScenarioKind.NEPTUNE));
        assertThat(g.indexOf(1_500L, ProtocolType.TCP, CLIENT, 41_500, SERVER, 80)).isEqualTo(1_500);
        assertThat(g.indexOf(1_501L, ProtocolType.TCP, CLIENT, 41_501, SERVER, 80)).isEqualTo(-1);
        assertThat(g.indexOf(1_500L, ProtocolType.UDP, CLIENT, 41_501, SERVER, 80)).isEqualTo(-1);
        assertThat(g.indexOf(1_500L, ProtocolType.TCP, SERVER, 80, CLIENT, 41_501)).isEqualTo(-1);
        assertThat(g.indexOf(1_500L, ProtocolType.TCP, CLIENT, 41_501, SERVER, 81)).isEqualTo(-1);
        assertThat(g.counts()).containsEntry(ScenarioKind.NEPTUNE, 1L).containsEntry(ScenarioKind.NORMAL, 2_999L);
    }

    @Test
    void groundTruthRefusesConnectionsOutOfStartOrder() {
        GroundTruth g = new GroundTruth();
        g.connection(new TrueConnection(10L, ProtocolType.TCP, CLIENT, 1, SERVER, 2, ScenarioKind.NORMAL));
        assertThatThrownBy(() -> g.connection(new TrueConnection(9L, ProtocolType.TCP, CLIENT, 1, SERVER, 2,
                ScenarioKind.NORMAL))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("start order");
    }
}
