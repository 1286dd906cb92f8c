package gatewatch.sensor.lab.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import gatewatch.sensor.lab.LabException;
import gatewatch.sensor.lab.scenario.Scenario;
import gatewatch.sensor.lab.scenario.Scenarios;
import gatewatch.sensor.lab.scenario.Tool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parts of the lab that need no root: the manifest, the tool check, the registry. */
class ManifestAndToolsTest {
    @TempDir
    Path dir;

    private static Recording recording(String key, long seed, Map<String, Long> connections, Map<String, String> labels) {
        return new Recording(key, "s", seed, "2026-01-01T00:00:00Z", "2026-01-01T00:00:10Z", 10.0, Map.of("nmap", "Nmap 7.93"),
                100, 0, Map.of("pcap", new Recording.FileInfo(key + ".pcap", 10, "ab".repeat(32))), connections, 0, labels,
                Map.of("ports_tried", 1000L));
    }

    @Test
    void manifestKeepsOneEntryPerRecordingAndListsEveryAttackLabel() throws Exception {
        Manifest.update(dir, recording("scan", 1, Map.of("portsweep", 1000L), Map.of("portsweep", "probe")));
        Manifest.update(dir, recording("brute", 1, Map.of("ssh_guess", 5L), Map.of("ssh_guess", "r2l")));
        // Recording the same key again replaces its entry.
        Manifest.update(dir, recording("scan", 1, Map.of("portsweep", 999L), Map.of("portsweep", "probe")));
        Manifest.update(dir, recording("web", 1, Map.of("normal", 27L), Map.of("normal", "normal")));
        JsonNode m = Manifest.read(dir);
        assertThat(m.path("format").asText()).isEqualTo(Manifest.FORMAT);
        assertThat(m.path("recordings").size()).isEqualTo(3);
        JsonNode scan = m.path("recordings").path("scan");
        assertThat(scan.path("connections").path("portsweep").asLong()).isEqualTo(999);
        assertThat(scan.path("tool_report").path("ports_tried").asLong()).isEqualTo(1000);
        assertThat(scan.path("tools").path("nmap").asText()).isEqualTo("Nmap 7.93");
        assertThat(scan.path("files").path("pcap").path("sha256").asText()).hasSize(64);
        assertThat(Files.readAllLines(dir.resolve(Manifest.ATTACK_TYPES))).filteredOn(l -> !l.startsWith("#"))
                .containsExactly("portsweep probe", "ssh_guess r2l");
    }

    @Test
    void aMissingToolIsNamedWithItsDebianPackage() {
        assertThatThrownBy(() -> ToolCheck.check("demo", List.of(Tool.of("sh", "dash"),
                Tool.of("gwlab-no-such-tool", "gwlab-pkg"), Tool.of("/nonexistent/gwlab-daemon", "gwlab-daemon-pkg"))))
                .isInstanceOf(LabException.class)
                .hasMessage("scenario demo needs gwlab-no-such-tool, /nonexistent/gwlab-daemon, not found; install the Debian"
                        + " packages gwlab-pkg gwlab-daemon-pkg (apt-get install gwlab-pkg gwlab-daemon-pkg)");
    }

    @Test
    void toolVersionsAreTheLineTheToolPrints() {
        Map<Tool, ToolCheck.Found> found = ToolCheck.check("demo", List.of(Tool.of("java", "openjdk", "-version")));
        assertThat(found.values().iterator().next().version()).contains("version");
    }

    @Test
    void scenarioNamesAreUniqueFileNames() {
        Set<String> names = new HashSet<>();
        for (Scenario s : Scenarios.all()) {
            assertThat(s.name()).matches("[a-z0-9]+(-[a-z0-9]+)*");
            assertThat(names.add(s.name())).as("duplicate scenario " + s.name()).isTrue();
            assertThat(Scenarios.byName(s.name())).isNotNull().extracting(Scenario::name).isEqualTo(s.name());
            assertThat(s.tools()).isNotEmpty();
        }
        assertThat(Recorder.key("scan-nmap-syn", Recorder.DEFAULT_SEED)).isEqualTo("scan-nmap-syn");
        assertThat(Recorder.key("scan-nmap-syn", 7)).isEqualTo("scan-nmap-syn-seed7");
    }
}
