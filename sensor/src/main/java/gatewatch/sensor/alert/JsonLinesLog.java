package gatewatch.sensor.alert;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * An append-only JSON-lines file with size-based rotation, reopen-on-request (for logrotate's
 * SIGHUP) and a configurable fsync policy.
 *
 * <p>Written by one thread (the sink thread). {@link #requestReopen()} may be called from any
 * thread (a signal handler); the writer reopens before its next line.
 */
public final class JsonLinesLog implements AutoCloseable {
    private final LogFileConfig config;
    private FileChannel channel;
    /**
     * False for a device or a pipe ({@code --alerts /dev/null}, a FIFO a shipper reads): those
     * cannot be forced (fsync fails with EINVAL) and must never be rotated, which would rename
     * the device node itself.
     */
    private boolean regularFile;
    private long size;
    private long lines;
    private long rotations;
    private volatile boolean reopenRequested;
    /** Lines are gathered here and written in one call per batch (or when it fills). */
    private final ByteBuffer pending = ByteBuffer.allocate(1 << 16);

    public JsonLinesLog(LogFileConfig config) throws IOException {
        this.config = config;
        Path parent = config.path().toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        open();
    }

    private void open() throws IOException {
        channel = FileChannel.open(config.path(), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        regularFile = Files.isRegularFile(config.path());
        size = regularFile ? channel.size() : 0;
    }

    private void force() throws IOException {
        if (regularFile) {
            channel.force(false);
        }
    }

    /** Appends one line ({@code json} must not contain a newline); rotates first when it would not fit. */
    public void write(byte[] json) throws IOException {
        if (reopenRequested) {
            reopenRequested = false;
            reopen();
        }
        long lineBytes = json.length + 1L;
        if (regularFile && config.maxBytes() > 0 && size > 0 && size + lineBytes > config.maxBytes()) {
            rotate();
        }
        if (lineBytes > pending.remaining()) {
            drain();
        }
        if (lineBytes > pending.capacity()) {
            writeFully(ByteBuffer.wrap(json));
            writeFully(ByteBuffer.wrap(new byte[] {'\n'}));
        } else {
            pending.put(json).put((byte) '\n');
        }
        size += lineBytes;
        lines++;
        if (config.fsync() == FsyncPolicy.ALWAYS) {
            drain();
            force();
        }
    }

    /** End of a batch of lines: writes them out, and forces them to disk under {@link FsyncPolicy#BATCH}. */
    public void endBatch() throws IOException {
        drain();
        if (config.fsync() == FsyncPolicy.BATCH) {
            force();
        }
    }

    private void drain() throws IOException {
        pending.flip();
        writeFully(pending);
        pending.clear();
    }

    private void writeFully(ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            channel.write(b);
        }
    }

    /** Asks the writer to close and reopen the file before its next line (logrotate moved it). */
    public void requestReopen() {
        reopenRequested = true;
    }

    private void reopen() throws IOException {
        drain();
        force();
        channel.close();
        open();
    }

    /** path.N-1 → path.N …, path → path.1, then a fresh path; the oldest beyond {@code keep} is deleted. */
    private void rotate() throws IOException {
        drain();
        force();
        channel.close();
        Path p = config.path();
        if (config.keep() == 0) {
            Files.deleteIfExists(p);
        } else {
            Files.deleteIfExists(rotated(p, config.keep()));
            for (int i = config.keep() - 1; i >= 1; i--) {
                Path from = rotated(p, i);
                if (Files.exists(from)) {
                    Files.move(from, rotated(p, i + 1), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Files.move(p, rotated(p, 1), StandardCopyOption.REPLACE_EXISTING);
        }
        rotations++;
        open();
    }

    static Path rotated(Path p, int i) {
        return p.resolveSibling(p.getFileName() + "." + i);
    }

    public long lines() {
        return lines;
    }

    public long rotations() {
        return rotations;
    }

    public Path path() {
        return config.path();
    }

    @Override
    public void close() throws IOException {
        drain();
        force();
        channel.close();
    }
}
