package gatewatch.sensor.alert;

import gatewatch.detector.model.Category;
import gatewatch.features.conn.IpAddress;
import gatewatch.sensor.alert.Suppression.Track;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Applies an {@link AlertLimit}: decides, alert by alert, whether it is written in full or counted
 * for its key's {@code alert_suppressed} summary, and hands over each summary when its window
 * closes. Time is the connections' own (their end), so a replay limits as the live sensor did.
 *
 * <p>An alert is written when neither its destination nor its source has used up its count in
 * the current window: a spoofed flood is cut by its victim, a sweep by its scanner, a scan by
 * either. Keys are remembered for one window, oldest first, at most {@code maxTracked} a
 * direction; an alert whose key cannot be remembered is written (counted as untracked), so
 * the bound costs log lines, never alerts.
 *
 * <p>One thread (the sink's).
 */
public final class AlertLimiter {
    private final AlertLimit limit;
    private final long windowNanos;
    private final Tracker byDest;
    private final Tracker bySource;
    private long now = Long.MIN_VALUE;
    private long nextClose = Long.MAX_VALUE;
    private long untracked;
    private int reported;

    public AlertLimiter(AlertLimit limit) {
        this.limit = limit;
        this.windowNanos = limit.per().toNanos();
        this.byDest = new Tracker(Track.BY_DEST);
        this.bySource = new Tracker(Track.BY_SOURCE);
    }

    /**
     * @param endNanos the connection's end, which also moves this limiter's clock
     * @param closed   receives the summaries of windows this alert's time closed
     * @return true to write the alert in full, false when it was counted for a summary
     */
    public boolean admit(IpAddress source, IpAddress dest, Category category, String label, long endNanos,
            Consumer<Suppression> closed) {
        advance(endNanos, closed);
        if (!limit.enabled()) {
            return true;
        }
        Window d = byDest.window(category, dest);
        if (d != null && d.written >= limit.count()) {
            d.suppress(endNanos, label);
            return false;
        }
        Window s = bySource.window(category, source);
        if (s != null && s.written >= limit.count()) {
            s.suppress(endNanos, label);
            return false;
        }
        boolean tracked = byDest.written(d, category, dest, endNanos) & bySource.written(s, category, source, endNanos);
        if (!tracked) {
            untracked++;
        }
        return true;
    }

    /**
     * Moves the clock to {@code eventNanos} (if later) and closes the windows that ended before it.
     *
     * @return true if a closed window had suppressed alerts (its summary went to {@code closed})
     */
    public boolean advance(long eventNanos, Consumer<Suppression> closed) {
        if (eventNanos > now) {
            now = eventNanos;
        }
        if (now < nextClose) {
            return false;
        }
        int before = reported;
        nextClose = Math.min(byDest.closeEnded(closed), bySource.closeEnded(closed));
        return reported != before;
    }

    /** Closes every window, ended or not (the run is over). */
    public void closeAll(Consumer<Suppression> closed) {
        byDest.closeAll(closed);
        bySource.closeAll(closed);
        nextClose = Long.MAX_VALUE;
    }

    /** Alerts written in full because their key could not be remembered (more than {@code maxTracked} keys). */
    public long untracked() {
        return untracked;
    }

    /** Keys remembered now, both directions. */
    public int tracked() {
        return byDest.size + bySource.size;
    }

    /**
     * One key's window. It opens at the limiter's clock and closes a window's length later by that
     * clock; what it reports as its start is the earliest end among its alerts, because
     * connections reach the sink out of order (a half-open connection ends when its last packet
     * came but is finished only when it times out, and live the clock also follows the wall
     * clock), so an alert counted in a window may have ended before the window opened.
     */
    private static final class Window {
        final long start;
        long earliest = Long.MAX_VALUE;
        long written;
        long suppressed;
        long first;
        long last;
        Map<String, long[]> labels;

        Window(long start) {
            this.start = start;
        }

        void suppress(long endNanos, String label) {
            if (suppressed++ == 0) {
                first = endNanos;
                labels = new HashMap<>();
            }
            first = Math.min(first, endNanos);
            last = Math.max(last, endNanos);
            earliest = Math.min(earliest, endNanos);
            labels.computeIfAbsent(label, k -> new long[1])[0]++;
        }
    }

    /** The windows of one direction, per category, each map in the order the windows opened. */
    private final class Tracker {
        private final Track track;
        private final EnumMap<Category, LinkedHashMap<IpAddress, Window>> windows = new EnumMap<>(Category.class);
        private int size;

        Tracker(Track track) {
            this.track = track;
        }

        Window window(Category category, IpAddress address) {
            LinkedHashMap<IpAddress, Window> m = windows.get(category);
            return m == null ? null : m.get(address);
        }

        /** Counts a written alert; false when its key is new and there is no room to remember it. */
        boolean written(Window w, Category category, IpAddress address, long endNanos) {
            if (w == null) {
                if (size >= limit.maxTracked()) {
                    return false;
                }
                w = new Window(now);
                windows.computeIfAbsent(category, c -> new LinkedHashMap<>()).put(address, w);
                size++;
                nextClose = Math.min(nextClose, now + windowNanos);
            }
            w.written++;
            w.earliest = Math.min(w.earliest, endNanos);
            return true;
        }

        /** @return when the next of the remaining windows ends */
        long closeEnded(Consumer<Suppression> closed) {
            long next = Long.MAX_VALUE;
            for (Map.Entry<Category, LinkedHashMap<IpAddress, Window>> e : windows.entrySet()) {
                Iterator<Map.Entry<IpAddress, Window>> it = e.getValue().entrySet().iterator();
                while (it.hasNext()) {
                    Map.Entry<IpAddress, Window> w = it.next();
                    long end = w.getValue().start + windowNanos;
                    if (end > now) {
                        next = Math.min(next, end);
                        break;
                    }
                    it.remove();
                    size--;
                    report(e.getKey(), w.getKey(), w.getValue(), end, closed);
                }
            }
            return next;
        }

        void closeAll(Consumer<Suppression> closed) {
            for (Map.Entry<Category, LinkedHashMap<IpAddress, Window>> e : windows.entrySet()) {
                for (Map.Entry<IpAddress, Window> w : e.getValue().entrySet()) {
                    report(e.getKey(), w.getKey(), w.getValue(), Math.min(now, w.getValue().start + windowNanos), closed);
                }
            }
            windows.clear();
            size = 0;
        }

        private void report(Category category, IpAddress address, Window w, long closedAt, Consumer<Suppression> closed) {
            if (w.suppressed == 0) {
                return;
            }
            reported++;
            Map<String, Long> labels = new HashMap<>();
            w.labels.forEach((k, v) -> labels.put(k, v[0]));
            closed.accept(new Suppression(track, address, category, Math.min(w.start, w.earliest), windowNanos, closedAt, w.written,
                    w.suppressed, w.first, w.last, labels));
        }
    }
}
