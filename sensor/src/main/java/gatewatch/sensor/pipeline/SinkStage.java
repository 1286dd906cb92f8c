package gatewatch.sensor.pipeline;

import gatewatch.detector.model.Category;
import gatewatch.detector.model.Verdict;
import gatewatch.features.conn.ConnectionSummary;
import gatewatch.sensor.alert.AlertLimit;
import gatewatch.sensor.alert.AlertLimiter;
import gatewatch.sensor.alert.EventJson;
import gatewatch.sensor.alert.JsonLinesLog;
import gatewatch.sensor.alert.Suppression;
import gatewatch.sensor.stats.StatsReporter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Consumer;

/**
 * The sink thread: writes alerts to the alert log (the record of truth), every connection to
 * the records log when one is configured, and hands scored connections to listeners (forwarders,
 * the demo's display). Counts alerts by category. Alerts beyond the {@link AlertLimit} of their
 * victim or source are not written one by one but counted into an {@code alert_suppressed}
 * event, which goes to the same log and listeners.
 */
public final class SinkStage implements Runnable {
    private static final int BATCH = 256;
    private final StageQueue<Scored> in;
    private final JsonLinesLog alerts;
    private final OutputStream alertStream;
    private final JsonLinesLog records;
    private final List<AlertListener> listeners;
    private final EventJson json;
    private final IdleStrategy idle = new IdleStrategy();
    private final AtomicLongArray alertsByCategory = new AtomicLongArray(Category.values().length);
    private final AtomicLongArray suppressedByCategory = new AtomicLongArray(Category.values().length);
    private final AlertLimiter limiter;
    private final Consumer<Suppression> onWindowClosed = this::writeSuppression;
    /** Live capture: connection times are the wall clock's, so an idle sink may move the limiter's clock. */
    private volatile boolean wallClock;
    private long lastClockTick;
    private volatile long connections;
    private final AtomicLong siteTypical = new AtomicLong();
    /** Writes {@code stats} events into the alert log; set before the thread starts, or null. */
    private StatsReporter stats;

    /**
     * @param alerts      the alert log, or null to write alerts to {@code alertStream}
     * @param alertStream where alerts go without an alert log (stdout for replay), or null
     * @param records     the records log, or null
     * @param alertLimit  how many alerts of one victim or source are written in full per window
     */
    public SinkStage(StageQueue<Scored> in, JsonLinesLog alerts, OutputStream alertStream, JsonLinesLog records,
            List<AlertListener> listeners, String sensorName, AlertLimit alertLimit) {
        this(in, alerts, alertStream, records, listeners, sensorName, alertLimit, null);
    }

    /** @param inIface the live capture interface, written as {@code in_iface}; null for a replay */
    public SinkStage(StageQueue<Scored> in, JsonLinesLog alerts, OutputStream alertStream, JsonLinesLog records,
            List<AlertListener> listeners, String sensorName, AlertLimit alertLimit, String inIface) {
        this.in = in;
        this.alerts = alerts;
        this.alertStream = alertStream;
        this.records = records;
        this.listeners = List.copyOf(listeners);
        this.json = new EventJson(sensorName, inIface);
        this.limiter = new AlertLimiter(alertLimit);
    }

    @Override
    public void run() {
        while (true) {
            int n = in.drain(this::handle, BATCH);
            if (n > 0) {
                endBatch();
            } else if (wallClock && closeWindowsByWallClock()) {
                endBatch();
            } else if (in.isFinished()) {
                if (in.drain(this::handle, BATCH) == 0) {
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
        try {
            writeAlertLine(line);
        } catch (IOException e) {
            throw stdoutFailed(e);
        }
        return true;
    }

    private void handle(Scored s) {
        connections++;
        ConnectionSummary c = s.record().conn();
        Verdict v = s.verdict();
        if (records != null) {
            records.write(json.connection(s.record(), v));
        }
        try {
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
        try {
            writeAlertLine(line);
        } catch (IOException e) {
            throw stdoutFailed(e);
        }
        for (AlertListener l : listeners) {
            l.onSuppressed(s, line);
        }
    }

    /** Throws only for standard output: the alert log counts a line it cannot write as lost. */
    private void writeAlertLine(byte[] line) throws IOException {
        if (alerts != null) {
            alerts.write(line);
        } else if (alertStream != null) {
            alertStream.write(line);
            alertStream.write('\n');
        }
    }

    private void endBatch() {
        if (alerts != null) {
            alerts.endBatch();
        } else if (alertStream != null) {
            try {
                alertStream.flush();
            } catch (IOException e) {
                throw stdoutFailed(e);
            }
        }
        if (records != null) {
            records.endBatch();
        }
    }

    /** What the alert and records logs could not write; empty without logs. */
    public List<LogLoss> logLosses() {
        List<LogLoss> out = new ArrayList<>(2);
        if (alerts != null) {
            out.add(new LogLoss("alerts", alerts.path(), alerts.written(), alerts.lost(), alerts.lastProblem()));
        }
        if (records != null) {
            out.add(new LogLoss("records", records.path(), records.written(), records.lost(), records.lastProblem()));
        }
        return out;
    }

    /** Asks the logs to reopen their files (SIGHUP, after logrotate moved them). */
    public void requestReopen() {
        if (alerts != null) {
            alerts.requestReopen();
        }
        if (records != null) {
            records.requestReopen();
        }
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
