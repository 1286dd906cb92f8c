package gatewatch.sensor.crosscheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import gatewatch.features.testing.SharedData;
import gatewatch.sensor.cli.GatewatchCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every {@code community_id} of {@code features --json} is one that tshark's own Community ID
 * computes for a packet of the capture: IPv4 and IPv6, TCP, UDP and ICMP.
 */
class CommunityIdCrossCheckTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {
        "pcaps/normal/zeek-ftp-ipv4.pcap",
        "pcaps/normal/ndpi-https-ipv6.pcap",
        "pcaps/normal/ndpi-dns.pcapng",
        "pcaps/attack/icmp-ping-sweep-256-hosts.pcap",
    })
    void everyIdIsOneTsharkComputes(String name) throws Exception {
        Path capture = SharedData.require(name);
        Set<String> tshark = new HashSet<>(Tshark.run("-r", capture.toString(), "--enable-protocol", "communityid",
                "-T", "fields", "-e", "communityid"));
        Path out = tmp.resolve("records.json");
        assertThat(GatewatchCommand.commandLine().execute("features", "--json", "-o", out.toString(), capture.toString()))
                .isZero();
        ObjectMapper m = new ObjectMapper();
        List<String> ids = Files.readAllLines(out).stream()
                .map(l -> {
                    try {
                        return m.readTree(l).get("community_id").asText();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
        assertThat(ids).isNotEmpty();
        assertThat(tshark).containsAll(ids);
    }
}
