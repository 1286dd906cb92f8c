package gatewatch.sensor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import gatewatch.features.extended.ExtendedCsv;
import gatewatch.features.kdd.KddCsv;
import gatewatch.features.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeaturesCommandTest {
    @TempDir
    Path tmp;

    @Test
    void spoofedSynFloodIsAlmostAllS0() throws Exception {
        Path capture = SharedData.require("pcaps/attack/stopddos-synflood-spoofed.pcap");
        Path out = tmp.resolve("flood.csv");
        CliRun run = CliRun.of("features", "--extended", "-o", out.toString(), capture.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.getFirst()).startsWith("start,end,src_ip,src_port,dst_ip,dst_port,proto,history,duration,");
        List<String> rows = lines.subList(1, lines.size());
        // tshark counts 37,669 TCP conversations; every SYN comes from a distinct spoofed source.
        assertThat(rows).hasSize(37_669);
        Map<String, Long> flags = rows.stream().map(r -> r.split(",")[11])
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(flags.getOrDefault("S0", 0L)).isGreaterThan(37_000L);
        // After the 41, the features beyond them: a spoofed SYN is one packet nobody answered.
        assertThat(lines.getFirst()).endsWith(",dst_host_srv_rerror_rate," + ExtendedCsv.header());
        long unanswered = rows.stream().map(r -> r.split(","))
                .filter(f -> f[49].equals("1") && f[50].equals("0") && f[53].equals("S0")).count();
        assertThat(unanswered).isGreaterThan(37_000L);
    }

    @Test
    void defaultOutputIsExactlyTheKddLayout() throws Exception {
        Path capture = SharedData.require("pcaps/normal/zeek-ftp-ipv4.pcap");
        Path out = tmp.resolve("ftp.data");
        assertThat(CliRun.of("features", "-o", out.toString(), capture.toString()).exitCode()).isZero();
        List<String> rows = Files.readAllLines(out);
        assertThat(rows).hasSize(5);
        for (String row : rows) {
            assertThat(row.split(",", -1)).hasSize(41);
            // Readable as a kddcup.data row by the same reader that reads the original files.
            assertThat(KddCsv.parse(row).record().toKddCsv()).isEqualTo(row);
        }
    }

    @Test
    void jsonOutputHasOneObjectPerConnection() throws Exception {
        Path capture = SharedData.require("pcaps/normal/zeek-ftp-ipv4.pcap");
        Path out = tmp.resolve("ftp.json");
        assertThat(CliRun.of("features", "--json", "-o", out.toString(), capture.toString()).exitCode()).isZero();
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(5);
        var first = mapper.readTree(lines.getFirst());
        // EVE's names and ISO times, as in the alert log (the features under "features", as there).
        assertThat(first.get("timestamp").asText()).isEqualTo("2012-02-21T16:52:55.848539Z");
        assertThat(first.get("flow_id").asLong()).isEqualTo(2178911303771407L);
        assertThat(first.get("src_ip").asText()).isEqualTo("141.142.220.235");
        assertThat(first.get("src_port").asInt()).isEqualTo(37604);
        assertThat(first.get("dest_ip").asText()).isEqualTo("199.233.217.249");
        assertThat(first.get("dest_port").asInt()).isEqualTo(56666);
        assertThat(first.has("dst_ip")).isFalse();
        assertThat(first.get("proto").asText()).isEqualTo("TCP");
        assertThat(first.get("community_id").asText()).isEqualTo("1:AHWSlGoM1gm7tA59HxhmI0OJeZ0=");
        var flow = first.get("flow");
        assertThat(flow.get("history").asText()).isEqualTo("ShAdfFa");
        assertThat(flow.get("start").asText()).isEqualTo("2012-02-21T16:52:55.736107Z");
        assertThat(flow.get("end").asText()).isEqualTo("2012-02-21T16:52:55.848539Z");
        assertThat(flow.get("duration").decimalValue()).isEqualByComparingTo("0.112432");
        assertThat(flow.get("bytes_toclient").asLong()).isEqualTo(342);
        // The first connection is a passive-mode data connection to an unnamed high port.
        var features = first.get("features");
        assertThat(features.size()).isEqualTo(41);
        assertThat(features.get("service").asText()).isEqualTo("other");
        assertThat(features.get("protocol_type").asText()).isEqualTo("tcp");
        assertThat(features.get("dst_bytes").asLong()).isEqualTo(342);
        assertThat(features.get("same_srv_rate").decimalValue()).isEqualByComparingTo("1.00");
        assertThat(features.get("dst_host_srv_rerror_rate").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(flow.get("open_at_end").asBoolean()).isFalse();
    }

    @Test
    void jsonOutputEndsEveryRecordWithANewline() throws Exception {
        Path capture = SharedData.require("pcaps/normal/zeek-ftp-ipv4.pcap");
        Path out = tmp.resolve("ftp.json");
        assertThat(CliRun.of("features", "--json", "-o", out.toString(), capture.toString()).exitCode()).isZero();
        String text = Files.readString(out);
        // As `wc -l` counts: five records, five line ends, the last one included.
        assertThat(text.chars().filter(ch -> ch == '\n').count()).isEqualTo(5);
        assertThat(text).endsWith("}\n").doesNotStartWith("\n");
    }

    @Test
    void damagedFileEndsWithExit3NamingFileAndOffsetAndKeepsRecordsReadBefore() throws Exception {
        Path good = SharedData.require("pcaps/normal/suricata-lan-background.pcap");
        byte[] bytes = Files.readAllBytes(good);
        Path damaged = tmp.resolve("cut.pcap");
        // Cut inside the last third: a record header promises more bytes than follow.
        Files.write(damaged, Arrays.copyOf(bytes, bytes.length * 2 / 3 + 7));
        Path out = tmp.resolve("cut.csv");
        CliRun run = CliRun.of("features", "-o", out.toString(), damaged.toString());
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err().lines().toList()).singleElement().satisfies(line -> {
            assertThat(line).contains(damaged.toString()).containsPattern("offset \\d+");
        });
        assertThat(Files.readAllLines(out)).hasSizeGreaterThan(50);
    }

    @Test
    void missingFileIsExit3() {
        CliRun run = CliRun.of("features", tmp.resolve("nope.pcap").toString());
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("nope.pcap");
    }

    @Test
    void badUsageIsExit2() {
        assertThat(CliRun.of("features").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("features", "--extended", "--json", "x.pcap").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("features", "--max-connections", "0", "x.pcap").exitCode()).isEqualTo(2);
    }

    @Test
    void truthLabelsEveryRecordAndNamesWhatItCannotLabel() throws Exception {
        Path capture = SharedData.require("pcaps/normal/zeek-ftp-ipv4.pcap");
        Path truth = tmp.resolve("ftp.truth");
        // The control connection (the only one to port 21) is called guess_passwd; the four data
        // connections are covered by no rule.
        Files.writeString(truth, """
                # gatewatch truth v1
                1329843161 1329843162 tcp 141.142.220.235 199.233.217.249 * 21 r2l guess_passwd
                """);
        Path out = tmp.resolve("ftp.data");
        CliRun run = CliRun.of("features", "--truth", truth.toString(), "-o", out.toString(), capture.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("4 connections are covered by no truth rule")
                .contains("1329843175.736107 tcp 141.142.220.235 199.233.217.249 37604 56666");
        List<String> rows = Files.readAllLines(out);
        assertThat(rows).hasSize(1);
        assertThat(rows.getFirst().split(",", -1)).hasSize(42);
        assertThat(rows.getFirst()).endsWith(",guess_passwd.");
        assertThat(KddCsv.parse(rows.getFirst()).label()).isEqualTo("guess_passwd");

        run = CliRun.of("features", "--truth", truth.toString(), "--unlabelled", "skip", "-o", out.toString(), capture.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).contains("4 connections are covered by no truth rule and were left out (--unlabelled skip)");
        assertThat(Files.readAllLines(out)).hasSize(1);

        // A second file's catch-all covers the rest; the first file's rule still wins for port 21.
        Path rest = tmp.resolve("rest.truth");
        Files.writeString(rest, "* * * * * * * normal normal\n");
        run = CliRun.of("features", "--truth", truth.toString(), "--truth", rest.toString(), "-o", out.toString(), capture.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readAllLines(out)).hasSize(5).filteredOn(r -> r.endsWith(",normal.")).hasSize(4);
    }

    @Test
    void truthErrorsNameTheFileAndLine() throws Exception {
        Path truth = tmp.resolve("bad.truth");
        Files.writeString(truth, "# gatewatch truth v1\n* * tcp * * * 21 r2l guess_passwd.\n");
        CliRun run = CliRun.of("features", "--truth", truth.toString(), "x.pcap");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("bad.truth:2: label 'guess_passwd.' must be written without the trailing dot");
        assertThat(CliRun.of("features", "--truth", truth.toString(), "--json", "x.pcap").exitCode()).isIn(2, 3);
    }
}
