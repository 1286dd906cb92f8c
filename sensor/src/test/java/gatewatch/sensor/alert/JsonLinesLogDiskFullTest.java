package gatewatch.sensor.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alert log on a real full disk (a 64 KB tmpfs): whole lines only, an exact count of the lines
 * it could not write, one log line when the trouble starts and one when writing works again.
 */
class JsonLinesLogDiskFullTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static byte[] line(int n) {
        return ("{\"n\":" + n + ",\"pad\":\"" + "x".repeat(150 + n % 37) + "\"}").getBytes(StandardCharsets.US_ASCII);
    }

    /** Every line of the file is whole JSON, in the order written; returns their numbers. */
    private static List<Integer> wholeLines(Path p) throws Exception {
        String text = Files.readString(p);
        assertThat(text).as("the file ends with a whole line").satisfiesAnyOf(t -> assertThat(t).isEmpty(),
                t -> assertThat(t).endsWith("\n"));
        List<Integer> ns = text.lines().map(l -> {
            try {
                return JSON.readTree(l).get("n").asInt();
            } catch (Exception e) {
                throw new AssertionError("not a whole JSON line: " + l, e);
            }
        }).toList();
        assertThat(ns).isSorted();
        return ns;
    }

    @Test
    void aFullDiskLosesWholeLinesCountedAndWritingResumesWhenSpaceIsFreed() throws Exception {
        try (SmallTmpfs fs = SmallTmpfs.mount(tmp.resolve("disk"), "64k"); LogCapture logs = LogCapture.of(JsonLinesLog.class)) {
            Path filler = fs.fillLeaving(10_000);
            Path p = fs.dir().resolve("alerts.json");
            int n = 0;
            try (JsonLinesLog log = new JsonLinesLog(LogFileConfig.simple(p), Duration.ZERO)) {
                // Batches of 13 lines (about 2.3 KB): the last to fit is cut short by ENOSPC mid-line.
                while (log.lost() < 100) {
                    for (int i = 0; i < 13; i++) {
                        log.write(line(n++));
                    }
                    log.endBatch();
                }
                assertThat(log.problem()).contains("No space left on device");
                assertThat(log.written() + log.lost()).isEqualTo(log.lines()).isEqualTo(n);
                assertThat(wholeLines(p)).hasSize((int) log.written());
                long writtenWhileFull = log.written();

                Files.delete(filler);
                for (int i = 0; i < 20; i++) {
                    log.write(line(n++));
                }
                log.endBatch();
                assertThat(log.problem()).isNull();
                assertThat(log.written()).isEqualTo(writtenWhileFull + 20);
                assertThat(log.written() + log.lost()).isEqualTo(n);
                List<Integer> onDisk = wholeLines(p);
                assertThat(onDisk).hasSize((int) log.written()).endsWith(n - 1);
                assertThat(log.lastProblem()).contains("No space left on device");
                assertThat(logs.lines()).hasSize(2);
                assertThat(logs.lines().get(0)).startsWith("ERROR " + p).contains("No space left on device");
                assertThat(logs.lines().get(1)).startsWith("WARN " + p).contains(log.lost() + " lines were lost");
            }
        }
    }

    @Test
    void fsyncEveryLineOnAFullDiskStillWritesWholeLines() throws Exception {
        try (SmallTmpfs fs = SmallTmpfs.mount(tmp.resolve("disk"), "64k"); LogCapture logs = LogCapture.of(JsonLinesLog.class)) {
            fs.fillLeaving(6_000);
            Path p = fs.dir().resolve("alerts.json");
            try (JsonLinesLog log = new JsonLinesLog(new LogFileConfig(p, 0, 0, FsyncPolicy.ALWAYS))) {
                for (int i = 0; i < 200; i++) {
                    log.write(line(i));
                }
                log.endBatch();
                assertThat(log.lost()).isPositive();
                assertThat(log.written() + log.lost()).isEqualTo(200);
                assertThat(wholeLines(p)).hasSize((int) log.written());
                // Short lines fit where long ones did not: still one episode, not a pair of log lines per line.
                assertThat(logs.lines()).hasSize(1).first().asString().startsWith("ERROR " + p);
            }
        }
    }
}
