package gatewatch.sensor.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesLogTest {
    @TempDir
    Path dir;

    private static byte[] line(int i) {
        return ("{\"n\":" + i + ",\"pad\":\"" + "x".repeat(80) + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void rotatesBySizeKeepingTheConfiguredCountAndLosesNoLine() throws Exception {
        Path p = dir.resolve("alerts.json");
        try (JsonLinesLog log = new JsonLinesLog(new LogFileConfig(p, 10_000, 3, FsyncPolicy.BATCH))) {
            for (int i = 0; i < 1000; i++) {
                log.write(line(i));
                if (i % 7 == 0) {
                    log.endBatch();
                }
            }
            assertThat(log.rotations()).isGreaterThan(3);
        }
        assertThat(p.resolveSibling("alerts.json.4")).doesNotExist();
        long total = 0;
        for (Path f : new Path[] {p, JsonLinesLog.rotated(p, 1), JsonLinesLog.rotated(p, 2), JsonLinesLog.rotated(p, 3)}) {
            assertThat(Files.size(f)).isLessThanOrEqualTo(10_000);
            for (String l : Files.readAllLines(f)) {
                assertThat(l).startsWith("{\"n\":").endsWith("\"}");
                total++;
            }
        }
        // The newest lines survive rotation in full; the oldest rotated away are gone as configured.
        assertThat(Files.readAllLines(p).getLast()).startsWith("{\"n\":999,");
        assertThat(total).isBetween(300L, 400L);
    }

    @Test
    void reopenAfterTheFileWasMovedWritesToANewFile() throws Exception {
        Path p = dir.resolve("alerts.json");
        Path moved = dir.resolve("alerts.json.old");
        try (JsonLinesLog log = new JsonLinesLog(LogFileConfig.simple(p))) {
            log.write(line(1));
            log.endBatch();
            Files.move(p, moved);
            log.requestReopen();
            log.write(line(2));
            log.endBatch();
        }
        assertThat(Files.readAllLines(moved)).hasSize(1);
        assertThat(Files.readAllLines(p)).singleElement().asString().startsWith("{\"n\":2,");
    }

    @Test
    void linesAreOnDiskAfterEachBatchAndAfterClose() throws Exception {
        Path p = dir.resolve("a.json");
        JsonLinesLog log = new JsonLinesLog(LogFileConfig.simple(p));
        log.write(line(1));
        log.endBatch();
        assertThat(Files.readAllLines(p)).hasSize(1);
        log.write(line(2));
        log.close();
        assertThat(Files.readAllLines(p)).hasSize(2);
    }

    @Test
    void writesToAPipeWithoutFsyncOrRotation() throws Exception {
        // A FIFO stands for /dev/null or a log shipper's pipe: fsync on it fails with EINVAL,
        // and rotating it would rename the node. Every line must still come through.
        Path fifo = dir.resolve("alerts.fifo");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertThat(mkfifo.waitFor()).isZero();
        java.util.concurrent.CompletableFuture<java.util.List<String>> read = java.util.concurrent.CompletableFuture
                .supplyAsync(() -> {
                    try {
                        return Files.readAllLines(fifo);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
        try (JsonLinesLog log = new JsonLinesLog(new LogFileConfig(fifo, 500, 2, FsyncPolicy.ALWAYS))) {
            for (int i = 0; i < 50; i++) {
                log.write(line(i));
            }
            log.endBatch();
            log.write(line(50));
            assertThat(log.rotations()).isZero();
        }
        java.util.List<String> lines = read.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(lines).hasSize(51);
        assertThat(lines.getLast()).startsWith("{\"n\":50,");
        assertThat(Files.isRegularFile(fifo)).isFalse();
        assertThat(JsonLinesLog.rotated(fifo, 1)).doesNotExist();
    }
}
