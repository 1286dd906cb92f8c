package gatewatch.sensor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gatewatch.features.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gatewatch replay DIR}: the directory's captures in the order of their first packet, other files noted and skipped. */
class ReplayDirectoryTest {
    @TempDir
    Path tmp;

    @Test
    void replaysTheCapturesOfADirectoryInTimeOrder() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("captures"));
        // Named against their time order: the 2012 FTP session in "a", the 2006 port scan in "b".
        Files.copy(SharedData.require("pcaps/normal/zeek-ftp-ipv4.pcap"), dir.resolve("a.pcap"));
        Files.copy(SharedData.require("pcaps/attack/ppa-portscan-small.pcap"), dir.resolve("b.pcap"));
        Files.writeString(dir.resolve("README.txt"), "captures of the 14th\n");
        Files.createDirectory(dir.resolve("old"));
        Path records = tmp.resolve("records.json");
        Path summary = tmp.resolve("summary.json");

        CliRun run = CliRun.of("replay", "--alerts", tmp.resolve("alerts.json").toString(), "--records", records.toString(),
                "--summary-json", summary.toString(), dir.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err().lines().filter(l -> l.contains("README.txt")).toList())
                .singleElement().asString().contains("skipped").contains("not a capture");
        ObjectMapper m = new ObjectMapper();
        List<String> starts = new ArrayList<>();
        for (String line : Files.readAllLines(records)) {
            JsonNode j = m.readTree(line);
            starts.add(j.get("flow").get("start").asText());
        }
        // Records leave the pipeline as connections finish, so compare years: every 2006 record precedes every 2012 one.
        assertThat(starts).isNotEmpty();
        int lastOf2006 = -1;
        int firstOf2012 = Integer.MAX_VALUE;
        for (int i = 0; i < starts.size(); i++) {
            if (starts.get(i).startsWith("2006")) {
                lastOf2006 = i;
            } else if (starts.get(i).startsWith("2012")) {
                firstOf2012 = Math.min(firstOf2012, i);
            }
        }
        assertThat(lastOf2006).isNotNegative().isLessThan(firstOf2012);
        assertThat(firstOf2012).isLessThan(starts.size());
    }

    @Test
    void aDirectoryWithoutCapturesIsExit3() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("empty"));
        Files.writeString(dir.resolve("notes.txt"), "nothing here\n");
        CliRun run = CliRun.of("replay", "--alerts", tmp.resolve("alerts.json").toString(), dir.toString());
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("no capture files");
    }
}
