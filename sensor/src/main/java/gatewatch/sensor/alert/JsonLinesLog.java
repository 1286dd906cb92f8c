package gatewatch.sensor.alert;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only JSON-lines file with size-based rotation, reopen-on-request (for logrotate's
 * SIGHUP) and a configurable fsync policy.
 *
 * <p>A line is written whole or not at all. When the file cannot be written (a full disk, a
 * read-only remount, a directory that went away) the lines that did not fit are counted as lost
 * ({@link #lost()}), a partly written line is cut off again, and the next batch tries again: the
 * sensor keeps capturing and scoring, as Suricata and Zeek keep running when a log cannot be
 * written. Each such episode is logged twice on stderr (the journal): once when it starts, naming
 * the file and the reason, and once when writing works again, with the lines it lost.
 *
 * <p>Written by one thread (the sink thread). {@link #requestReopen()} may be called from any
 * thread (a signal handler); the writer reopens before its next line. {@link #lost()} and
 * {@link #problem()} may be read from any thread (metrics).
 */
public final class JsonLinesLog implements AutoCloseable {
    /**
     * Held apart so that logging is set up only when something is logged: a replay that has
     * nothing to say does not start logback (issue 15).
     */
    private static final class Log {
        static final Logger LOG = LoggerFactory.getLogger(JsonLinesLog.class);
    }

    private final LogFileConfig config;
    /** Null while the file could not be (re)opened; the next batch tries again. */
    private FileChannel channel;
    /**
     * False for a device or a pipe ({@code --alerts /dev/null}, a FIFO a shipper reads): those
     * cannot be forced (fsync fails with EINVAL), truncated, or rotated (which would rename the
     * device node itself).
     */
    private boolean regularFile;
    private long size;
    private long lines;
    private long rotations;
    private volatile long written;
    private volatile long lost;
    private volatile boolean reopenRequested;
    /** Lines are gathered here and written in one call per batch (or when it fills). */
    private final ByteBuffer pending = ByteBuffer.allocate(1 << 16);
    private int pendingLines;
    /** The current episode of failed writes: its reason (null when writing works), start and losses. */
    private volatile String problem;
    private volatile String lastProblem;
    private long episodeStartNanos;
    private long episodeLost;
    private long lastFailureNanos;
    /**
     * How long writes must have worked before an episode is declared over: with a few bytes left
     * short lines still fit and long ones do not, which must not make a log line pair per batch.
     */
    private final long recoveryQuietNanos;
    private boolean lastWriteWorked = true;

    public JsonLinesLog(LogFileConfig config) throws IOException {
        this(config, Duration.ofSeconds(5));
    }

    /** @param recoveryQuiet how long writes must have worked before the end of a failure episode is logged */
    public JsonLinesLog(LogFileConfig config, Duration recoveryQuiet) throws IOException {
        this.config = config;
        this.recoveryQuietNanos = recoveryQuiet.toNanos();
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

    private void force() {
        if (regularFile && channel != null) {
            try {
                channel.force(false);
            } catch (IOException e) {
                // The lines were accepted by the kernel; a failed fsync is a problem worth a log line, not a loss count.
                trouble(e);
            }
        }
    }

    /** Appends one line ({@code json} must not contain a newline); rotates first when it would not fit. */
    public void write(byte[] json) {
        if (reopenRequested) {
            reopenRequested = false;
            reopen();
        }
        long lineBytes = json.length + 1L;
        if (regularFile && config.maxBytes() > 0 && size > 0 && size + lineBytes > config.maxBytes()) {
            rotate();
        }
        lines++;
        if (lineBytes > pending.remaining()) {
            drain();
        }
        if (lineBytes > pending.capacity()) {
            ByteBuffer big = ByteBuffer.allocate(json.length + 1).put(json).put((byte) '\n').flip();
            size += lineBytes;
            writeLines(big, 1);
        } else {
            pending.put(json).put((byte) '\n');
            pendingLines++;
            size += lineBytes;
        }
        if (config.fsync() == FsyncPolicy.ALWAYS) {
            drain();
            force();
        }
    }

    /** End of a batch of lines: writes them out, and forces them to disk under {@link FsyncPolicy#BATCH}. */
    public void endBatch() {
        drain();
        if (config.fsync() == FsyncPolicy.BATCH) {
            force();
        }
    }

    private void drain() {
        pending.flip();
        writeLines(pending, pendingLines);
        pending.clear();
        pendingLines = 0;
    }

    /**
     * Writes {@code count} whole lines from {@code b}; on failure keeps the lines written whole,
     * cuts off a partly written one, and counts the rest as lost.
     */
    private void writeLines(ByteBuffer b, int count) {
        if (count == 0) {
            return;
        }
        int start = b.position();
        try {
            if (channel == null) {
                open();
                size += b.remaining();
            }
            while (b.hasRemaining()) {
                channel.write(b);
            }
            written += count;
            recovered();
        } catch (IOException e) {
            int done = wholeLines(b, start);
            int partial = b.position() - start - lineEnd(b, start);
            cutPartialLine(partial);
            written += done;
            lose(count - done, e);
            size -= b.limit() - b.position() + partial;
        }
    }

    /** Newlines among the bytes of {@code b} written so far. */
    private static int wholeLines(ByteBuffer b, int start) {
        int n = 0;
        for (int i = start; i < b.position(); i++) {
            if (b.get(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    /** Bytes from {@code start} to just after the last newline written. */
    private static int lineEnd(ByteBuffer b, int start) {
        for (int i = b.position() - 1; i >= start; i--) {
            if (b.get(i) == '\n') {
                return i + 1 - start;
            }
        }
        return 0;
    }

    /** A write that stopped mid-line (the disk filled up): the file must end with a whole line again. */
    private void cutPartialLine(int partial) {
        if (partial == 0 || !regularFile || channel == null) {
            return;
        }
        try {
            channel.truncate(channel.size() - partial);
        } catch (IOException e) {
            Log.LOG.error("{}: cannot cut off a partly written line of {} bytes: {}", config.path(), partial, reason(e));
        }
    }

    private void lose(int n, IOException e) {
        trouble(e);
        episodeLost += n;
        lost += n;
    }

    /** Starts an episode of failed writes (logged once), or continues it. */
    private void trouble(IOException e) {
        lastWriteWorked = false;
        lastFailureNanos = System.nanoTime();
        if (problem == null) {
            problem = reason(e);
            lastProblem = problem;
            episodeStartNanos = System.nanoTime();
            episodeLost = 0;
            Log.LOG.error("{}: cannot write ({}); capture goes on, lines that cannot be written are counted as lost "
                    + "and writing is tried again with each batch", config.path(), problem);
        }
    }

    private void recovered() {
        lastWriteWorked = true;
        if (problem != null) {
            long now = System.nanoTime();
            if (now - lastFailureNanos >= recoveryQuietNanos) {
                endEpisode(now);
            }
        }
    }

    private void endEpisode(long now) {
        Log.LOG.warn("{}: writing again after {} s; {} lines were lost ({})", config.path(),
                String.format(Locale.ROOT, "%.1f", (now - episodeStartNanos) / 1e9), episodeLost, problem);
        problem = null;
    }

    private static String reason(IOException e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** Asks the writer to close and reopen the file before its next line (logrotate moved it). */
    public void requestReopen() {
        reopenRequested = true;
    }

    private void reopen() {
        drain();
        force();
        closeChannel();
        tryOpen();
    }

    /** path.N-1 → path.N …, path → path.1, then a fresh path; the oldest beyond {@code keep} is deleted. */
    private void rotate() {
        drain();
        force();
        closeChannel();
        Path p = config.path();
        try {
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
        } catch (IOException e) {
            trouble(e);
        }
        tryOpen();
    }

    private void tryOpen() {
        try {
            open();
        } catch (IOException e) {
            channel = null;
            trouble(e);
        }
    }

    private void closeChannel() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                trouble(e);
            }
            channel = null;
        }
    }

    static Path rotated(Path p, int i) {
        return p.resolveSibling(p.getFileName() + "." + i);
    }

    /** Lines given to {@link #write}. */
    public long lines() {
        return lines;
    }

    /** Lines written whole to the file. After {@link #endBatch()}, {@code written() + lost() == lines()}. */
    public long written() {
        return written;
    }

    /** Lines that could not be written (counted, never half written). */
    public long lost() {
        return lost;
    }

    /** Why the last write failed, while writing still fails; null when the log is being written. */
    public String problem() {
        return problem;
    }

    /** Why writing failed the last time it did (even if it works again), or null. */
    public String lastProblem() {
        return lastProblem;
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
        if (problem != null && lastWriteWorked) {
            endEpisode(System.nanoTime());
        } else if (problem != null) {
            Log.LOG.error("{}: closed while it could not be written ({}); {} lines were lost in this episode, {} in all",
                    config.path(), problem, episodeLost, lost);
        }
        if (channel != null) {
            channel.close();
        }
    }
}
