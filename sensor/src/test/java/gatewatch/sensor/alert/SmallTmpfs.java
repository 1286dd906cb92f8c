package gatewatch.sensor.alert;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A tmpfs of a few kilobytes mounted on a test's directory: a real full disk (ENOSPC, short
 * writes) for the logs. Needs root; a test without it is skipped with a message.
 */
public final class SmallTmpfs implements AutoCloseable {
    private final Path dir;

    private SmallTmpfs(Path dir) {
        this.dir = dir;
    }

    /** Mounts a tmpfs of {@code size} (e.g. {@code 64k}) on {@code dir}, or skips the test. */
    public static SmallTmpfs mount(Path dir, String size) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", dir.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assumeTrue(p.waitFor() == 0, "skipped: mounting a small tmpfs needs root (" + out + ")");
        return new SmallTmpfs(dir);
    }

    public Path dir() {
        return dir;
    }

    /** Takes all the space left but {@code spare} bytes with a file that {@link Files#delete} frees again. */
    public Path fillLeaving(long spare) throws IOException {
        Path filler = dir.resolve("filler");
        long free = Files.getFileStore(dir).getUsableSpace();
        long n = Math.max(0, free - spare);
        Files.write(filler, new byte[(int) n]);
        return filler;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("umount", "-l", dir.toString()).inheritIO().start();
        p.waitFor();
    }
}
