package gatewatch.sensor.pipeline;

import gatewatch.sensor.alert.JsonLinesLog;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;

/**
 * Where the {@link SinkStage} writes event lines (UTF-8 JSON, no newline): a log file, or a
 * stream such as a replay's standard output. Sink thread only.
 */
public sealed interface AlertSink permits AlertSink.LogFile, AlertSink.Stream {

    /** Throws only for a stream: a log counts a line it cannot write as lost and goes on. */
    void write(byte[] line) throws IOException;

    /** The end of a batch of lines: a log writes it out, a stream is flushed. */
    void endBatch() throws IOException;

    /** Reopens the file (SIGHUP, after logrotate moved it); nothing for a stream. */
    default void requestReopen() {
    }

    /** What a log could not write; empty for a stream. */
    default Optional<LogLoss> loss() {
        return Optional.empty();
    }

    static AlertSink logFile(String name, JsonLinesLog log) {
        return new LogFile(name, log);
    }

    static AlertSink stream(OutputStream out) {
        return new Stream(out);
    }

    /** @param name {@code alerts} or {@code records}, as the summary names the log */
    record LogFile(String name, JsonLinesLog log) implements AlertSink {
        @Override
        public void write(byte[] line) {
            log.write(line);
        }

        @Override
        public void endBatch() {
            log.endBatch();
        }

        @Override
        public void requestReopen() {
            log.requestReopen();
        }

        @Override
        public Optional<LogLoss> loss() {
            return Optional.of(new LogLoss(name, log.path(), log.written(), log.lost(), log.lastProblem()));
        }
    }

    record Stream(OutputStream out) implements AlertSink {
        @Override
        public void write(byte[] line) throws IOException {
            out.write(line);
            out.write('\n');
        }

        @Override
        public void endBatch() throws IOException {
            out.flush();
        }
    }
}
