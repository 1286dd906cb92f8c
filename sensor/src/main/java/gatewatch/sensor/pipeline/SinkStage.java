package gatewatch.sensor.pipeline;

import gatewatch.detector.model.Category;
import gatewatch.sensor.alert.EventJson;
import gatewatch.sensor.alert.JsonLinesLog;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The sink thread: writes every alert to the alert log (the record of truth), every connection to
 * the records log when one is configured, and hands scored connections to listeners (forwarders,
 * the demo's display). Counts alerts by category.
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
    private volatile long connections;

    /**
     * @param alerts      the alert log, or null to write alerts to {@code alertStream}
     * @param alertStream where alerts go without an alert log (stdout for replay), or null
     * @param records     the records log, or null
     */
    public SinkStage(StageQueue<Scored> in, JsonLinesLog alerts, OutputStream alertStream, JsonLinesLog records,
            List<AlertListener> listeners, String sensorName) {
        this.in = in;
        this.alerts = alerts;
        this.alertStream = alertStream;
        this.records = records;
        this.listeners = List.copyOf(listeners);
        this.json = new EventJson(sensorName);
    }

    @Override
    public void run() {
        while (true) {
            int n = in.drain(this::handle, BATCH);
            if (n > 0) {
                endBatch();
            } else if (in.isFinished()) {
                if (in.drain(this::handle, BATCH) == 0) {
                    break;
                }
                endBatch();
            }
            idle.idle(n);
        }
        endBatch();
    }

    private void handle(Scored s) {
        connections++;
        try {
            if (records != null) {
                records.write(json.connection(s.record(), s.verdict()));
            }
            byte[] line = null;
            if (s.verdict().isAlert()) {
                alertsByCategory.incrementAndGet(s.verdict().category().ordinal());
                line = json.alert(s.record(), s.verdict());
                if (alerts != null) {
                    alerts.write(line);
                } else if (alertStream != null) {
                    alertStream.write(line);
                    alertStream.write('\n');
                }
            }
            for (AlertListener l : listeners) {
                l.onScored(s, line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the alert or records log: " + e.getMessage(), e);
        }
    }

    private void endBatch() {
        try {
            if (alerts != null) {
                alerts.endBatch();
            } else if (alertStream != null) {
                alertStream.flush();
            }
            if (records != null) {
                records.endBatch();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the alert or records log: " + e.getMessage(), e);
        }
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
