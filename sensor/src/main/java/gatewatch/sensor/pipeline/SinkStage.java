package gatewatch.sensor.pipeline;

import gatewatch.detector.model.Category;
import gatewatch.detector.model.Verdict;
import gatewatch.features.conn.ConnectionSummary;
import gatewatch.features.notice.Notice;
import gatewatch.sensor.alert.AlertLimit;
import gatewatch.sensor.alert.AlertLimiter;
import gatewatch.sensor.alert.EventJson;
import gatewatch.sensor.alert.NoticeCategory;
import gatewatch.sensor.alert.Suppression;
import gatewatch.sensor.stats.StatsReporter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Consumer;

/**
 * The sink thread: writes alerts to the alert sinks (the alert log, the record of truth, or a
 * replay's standard output), every connection to the record sinks (the records log), and hands
 * scored connections to listeners (forwarders, the demo's display). The capture thread's notices
 * (ARP poisoning, DHCP floods) take the same way, from a queue of their own. Counts alerts by category. Alerts beyond the {@link AlertLimit} of their
 * victim or source are not written one by one but counted into an {@code alert_suppressed}
 * event, which goes to the same log and listeners.
 */
public final class SinkStage implements Runnable {
    private static final int BATCH = 256;
    private final StageQueue<Scored> in;
    private final StageQueue<Notice> notices;
    private final List<AlertSink> alertSinks;
    private final List<AlertSink> recordSinks;
    private final List<AlertListener> listeners;
    private final EventJson json;
    private final IdleStrategy idle = new IdleStrategy();
    private final AtomicLongArray alertsByCategory = new AtomicLongArray(Category.values().length);
    private final AtomicLongArray suppressedByCategory = new AtomicLongArray(Category.values().length);
    private final AlertLimiter limiter;
    private final Consumer<Suppression> onWindowClosed = this::writeSuppression;
    private final Consumer<Scored> onScored = this::handle;
    private final Consumer<Notice> onNotice = this::handleNotice;
    /** Live capture: connection times are the wall clock's, so an idle sink may move the limiter's clock. */
    private volatile boolean wallClock;
    private long lastClockTick;
    private volatile long connections;
    private final AtomicLong siteTypical = new AtomicLong();
    /** Writes {@code stats} events into the alert log; set before the thread starts, or null. */
    private StatsReporter stats;

    /** A sink of scored connections only (no notices come). */
    public SinkStage(StageQueue<Scored> in, Outputs outputs) {
        this(in, noNotices(), outputs);
    }

    /** @param notices the capture thread's notices (no connection's, so not scored) */
    public SinkStage(StageQueue<Scored> in, StageQueue<Notice> notices, Outputs outputs) {
        this.in = in;
        this.notices = notices;
        this.alertSinks = outputs.alertSinks();
        this.recordSinks = outputs.recordSinks();
        this.listeners = outputs.listeners();
        this.json = new EventJson(outputs.sensorName(), outputs.inIface());
        this.limiter = new AlertLimiter(outputs.alertLimit());
    }

    @Override
    public void run() {
        while (true) {
            int n = drain();
            if (n > 0) {
                endBatch();
            } else if (wallClock && closeWindowsByWallClock()) {
                endBatch();
            } else if (in.isFinished() && notices.isFinished()) {
                if (drain() == 0) {
                    break;
                }
                endBatch();
            }
            // Checked under load too: a busy sink must still report.
            if (stats != null && writeStats(stats.lineIfDue(System.nanoTime()))) {
                endBatch();
            }
            idle.idle(n);
        }
        limiter.closeAll(onWindowClosed);
        if (stats != null) {
            writeStats(stats.finalLine(System.nanoTime()));
        }
        endBatch();
    }

    /** Hands up to a batch of scored connections and one of notices to their handlers; returns how many. */
    private int drain() {
        return in.drain(onScored, BATCH) + notices.drain(onNotice, BATCH);
    }

    /**
     * Periodic {@code stats} events in the alert log (the sink owns it), and one when the run
     * ends. Call before the pipeline starts.
     */
    public void reportStats(StatsReporter reporter) {
        this.stats = reporter;
    }

    private boolean writeStats(byte[] line) {
        if (line == null) {
            return false;
        }
        writeAlertLine(line);
        return true;
    }

    private void handle(Scored s) {
        connections++;
        ConnectionSummary c = s.record().conn();
        Verdict v = s.verdict();
        try {
            if (!recordSinks.isEmpty()) {
                byte[] record = json.connection(s.record(), v);
                for (AlertSink r : recordSinks) {
                    r.write(record);
                }
            }
            byte[] line = null;
            if (v.isAlert()) {
                alertsByCategory.incrementAndGet(v.category().ordinal());
                if (limiter.admit(c.origAddress(), c.respAddress(), v.category(), v.label(), c.endNanos(), onWindowClosed)) {
                    line = json.alert(s.record(), v);
                    writeAlertLine(line);
                } else {
                    suppressedByCategory.incrementAndGet(v.category().ordinal());
                }
            } else {
                if (v.siteTypical()) {
                    siteTypical.incrementAndGet();
                }
                limiter.advance(c.endNanos(), onWindowClosed);
            }
            for (AlertListener l : listeners) {
                l.onScored(s, line);
            }
        } catch (IOException e) {
            throw stdoutFailed(e);
        }
    }

    private static StageQueue<Notice> noNotices() {
        StageQueue<Notice> q = new StageQueue<>("notices", 2, FullQueuePolicy.DROP);
        q.close();
        return q;
    }

    /**
     * A notice: always written (one per poisoner or flooder and episode, so no flood of them for
     * the alert limit to hold back), counted under its {@link NoticeCategory}.
     */
    private void handleNotice(Notice n) {
        alertsByCategory.incrementAndGet(NoticeCategory.of(n).ordinal());
        byte[] line = json.notice(n);
        writeAlertLine(line);
        for (AlertListener l : listeners) {
            l.onNotice(n, line);
        }
    }

    /** The logs count what they cannot write and go on; standard output (a replay's) has no such way back. */
    private static UncheckedIOException stdoutFailed(IOException e) {
        return new UncheckedIOException("cannot write alerts to standard output: " + e.getMessage(), e);
    }

    /**
     * Live only, at most once a second while idle: a flood's summary is due when its window ends,
     * not when the next connection happens to finish on a quiet link.
     *
     * @return true if a summary was written
     */
    private boolean closeWindowsByWallClock() {
        long tick = System.nanoTime();
        if (tick - lastClockTick < 1_000_000_000L) {
            return false;
        }
        lastClockTick = tick;
        Instant now = Instant.now();
        return limiter.advance(now.getEpochSecond() * 1_000_000_000L + now.getNano(), onWindowClosed);
    }

    /** Connection times are wall-clock times (live capture): windows also close while no connection ends. */
    public void useWallClock() {
        wallClock = true;
    }

    private void writeSuppression(Suppression s) {
        byte[] line = json.suppressed(s);
        writeAlertLine(line);
        for (AlertListener l : listeners) {
            l.onSuppressed(s, line);
        }
    }

    /** Fails only for standard output: the alert log counts a line it cannot write as lost. */
    private void writeAlertLine(byte[] line) {
        try {
            for (AlertSink a : alertSinks) {
                a.write(line);
            }
        } catch (IOException e) {
            throw stdoutFailed(e);
        }
    }

    private void endBatch() {
        try {
            for (AlertSink a : alertSinks) {
                a.endBatch();
            }
            for (AlertSink r : recordSinks) {
                r.endBatch();
            }
        } catch (IOException e) {
            throw stdoutFailed(e);
        }
    }

    /** What the alert and records logs could not write; empty without logs. */
    public List<LogLoss> logLosses() {
        return java.util.stream.Stream.concat(alertSinks.stream(), recordSinks.stream())
                .map(AlertSink::loss).flatMap(Optional::stream).toList();
    }

    /** Asks the logs to reopen their files (SIGHUP, after logrotate moved them). */
    public void requestReopen() {
        alertSinks.forEach(AlertSink::requestReopen);
        recordSinks.forEach(AlertSink::requestReopen);
    }

    public long connections() {
        return connections;
    }

    public long alerts(Category c) {
        return alertsByCategory.get(c.ordinal());
    }

    /** Alerts of the category counted into {@code alert_suppressed} events instead of written. */
    public long suppressed(Category c) {
        return suppressedByCategory.get(c.ordinal());
    }

    /** Connections the model alone would have alerted and the site baseline found typical of the site. */
    public long siteTypical() {
        return siteTypical.get();
    }

    /** Alerts written in full although over the limit, because their key could not be remembered. */
    public long limitUntracked() {
        return limiter.untracked();
    }

    public long alertsTotal() {
        long sum = 0;
        for (int i = 0; i < alertsByCategory.length(); i++) {
            if (i != Category.NORMAL.ordinal()) {
                sum += alertsByCategory.get(i);
            }
        }
        return sum;
    }
}
