package gatewatch.sensor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gatewatch.features.encode.Frames;
import gatewatch.features.encode.PcapFileWriter;
import gatewatch.features.testing.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code replay} alerts ARP poisoning as {@code mitm} and a DHCP flood from one client as {@code dos},
 * each once and as no one connection's alert, and ordinary ARP and DHCP not at all.
 */
class ReplayNoticesTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long T0 = 1_765_000_000L * SECOND;
    private static final long ATTACKER = 0x0200_0000_00aaL;
    private static final long VICTIM = 0x0200_0000_0057L;
    private static final long GATEWAY = 0x0200_0000_0001L;

    @TempDir
    Path tmp;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void poisoningAmongOrdinaryArpIsOneMitmAlert() throws Exception {
        Path capture = tmp.resolve("lan.pcap");
        try (PcapFileWriter w = PcapFileWriter.create(capture)) {
            // A minute of ordinary ARP: the victim asks for the gateway, the gateway answers;
            // the gateway announces itself; then an attacker tells the victim, every second, that
            // the gateway's address is at its MAC.
            for (int i = 0; i < 60; i++) {
                long t = T0 + i * SECOND;
                write(w, t, Frames.arp(Frames.BROADCAST_MAC, 1, VICTIM, "192.168.7.57", 0, "192.168.7.1"));
                write(w, t + 1000, Frames.arp(VICTIM, 2, GATEWAY, "192.168.7.1", VICTIM, "192.168.7.57"));
                write(w, t + 2000, Frames.arp(Frames.BROADCAST_MAC, 2, GATEWAY, "192.168.7.1", Frames.BROADCAST_MAC, "192.168.7.1"));
            }
            for (int i = 0; i < 30; i++) {
                write(w, T0 + (100 + i) * SECOND, Frames.arp(VICTIM, 2, ATTACKER, "192.168.7.1", VICTIM, "192.168.7.57"));
            }
        }
        List<JsonNode> alerts = replay(capture);
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.at("/alert/category").asText()).isEqualTo("mitm");
            assertThat(a.at("/alert/label").asText()).isEqualTo("arp_spoof");
            assertThat(a.at("/src_ip").asText()).isEqualTo("192.168.7.1");
            assertThat(a.at("/src_mac").asText()).isEqualTo("02:00:00:00:00:aa");
            assertThat(a.at("/dest_ip").asText()).isEqualTo("192.168.7.57");
            assertThat(a.at("/dest_mac").asText()).isEqualTo("02:00:00:00:00:57");
            assertThat(a.at("/arp/owner_mac").asText()).isEqualTo("02:00:00:00:00:01");
            assertThat(a.at("/arp/unsolicited_replies").asInt()).isEqualTo(5);
            assertThat(a.at("/timestamp").asText()).isEqualTo("2025-12-06T05:48:24.000000Z");
            assertThat(a.has("flow_id")).isFalse();
        });
        JsonNode summary = json.readTree(tmp.resolve("summary.json").toFile());
        assertThat(summary.get("alerts").asLong()).isOne();
        assertThat(summary.at("/alerts_by_category/mitm").asLong()).isOne();
        assertThat(summary.get("connections").asLong()).isZero();
    }

    @Test
    void theSharedArpSpoofingCaptureIsTwoMitmAlerts() throws Exception {
        Path capture = SharedData.require("pcaps/attack/arp-spoofing.pcap");
        List<JsonNode> alerts = replay(capture);
        // One MAC poisons two hosts, each about the other's address.
        assertThat(alerts).extracting(a -> a.at("/alert/category").asText()).containsOnly("mitm");
        assertThat(alerts).extracting(a -> a.at("/src_ip").asText()).containsExactlyInAnyOrder("10.0.0.153", "10.0.0.157");
        assertThat(alerts).extracting(a -> a.at("/src_mac").asText()).containsOnly("00:e0:4d:3c:25:7b");
    }

    @Test
    void theSharedDhcpFloodIsOneDosAlertNamingTheClient() throws Exception {
        Path capture = SharedData.require("pcaps/attack/zeek-dhcp-flood.pcap");
        List<JsonNode> notices = replay(capture).stream().filter(a -> a.at("/alert/label").asText().equals("dhcp_flood")).toList();
        assertThat(notices).singleElement().satisfies(a -> {
            assertThat(a.at("/alert/category").asText()).isEqualTo("dos");
            assertThat(a.at("/src_mac").asText()).isEqualTo("90:b1:1c:99:49:29");
            assertThat(a.at("/dhcp/client_messages").asInt()).isEqualTo(30);
            assertThat(a.at("/dest_port").asInt()).isEqualTo(67);
        });
    }

    @Test
    void normalCapturesWithArpAndDhcpHaveNoNotice() throws Exception {
        for (String name : List.of("normal/suricata-lan-background.pcap", "normal/ndpi-alexa-app.pcapng",
                "normal/anvita13-normal-browsing.pcap", "normal/ndpi-android-google-services.pcap",
                "bench/benchmark-merged-ethernet-A.pcap")) {
            Path capture = SharedData.require("pcaps/" + name);
            assertThat(replay(capture)).as(name).noneMatch(a -> a.has("arp") || a.has("dhcp"));
        }
    }

    private List<JsonNode> replay(Path capture) throws IOException {
        Path alerts = tmp.resolve("alerts.json");
        CliRun run = CliRun.of("replay", "--alerts", alerts.toString(), "--alert-limit", "off",
                "--summary-json", tmp.resolve("summary.json").toString(), capture.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        return Files.readAllLines(alerts).stream().map(this::read).toList();
    }

    private JsonNode read(String line) {
        try {
            return json.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(PcapFileWriter w, long t, byte[] frame) throws IOException {
        w.write(t, frame, frame.length);
    }
}
