package gatewatch.sensor.daemon;

import gatewatch.detector.model.Category;
import gatewatch.features.notice.Notice;
import gatewatch.sensor.alert.NoticeCategory;
import gatewatch.sensor.alert.Suppression;
import gatewatch.sensor.forward.ForwardedAlert;
import gatewatch.sensor.forward.Forwarder;
import gatewatch.sensor.pipeline.AlertListener;
import gatewatch.sensor.pipeline.Scored;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * Hands each alert and each {@code alert_suppressed} summary, as written to the alert log, to every forwarder. A forwarder never blocks the
 * sink thread: when its buffer is full it refuses and counts; the alert log keeps the alert.
 */
public final class ForwardingListener implements AlertListener {
    private final List<Forwarder> forwarders;

    public ForwardingListener(List<Forwarder> forwarders) {
        this.forwarders = List.copyOf(forwarders);
    }

    @Override
    public void onScored(Scored s, byte[] alertJson) {
        if (alertJson != null) {
            offer(s.record().conn().endNanos(), s.verdict().category(), alertJson);
        }
    }

    @Override
    public void onSuppressed(Suppression s, byte[] json) {
        offer(s.closedNanos(), s.category(), json);
    }

    @Override
    public void onNotice(Notice n, byte[] json) {
        offer(n.tsNanos(), NoticeCategory.of(n), json);
    }

    private void offer(long epochNanos, Category category, byte[] json) {
        if (forwarders.isEmpty()) {
            return;
        }
        ForwardedAlert a = new ForwardedAlert(Instant.ofEpochSecond(0, epochNanos), category,
                new String(json, StandardCharsets.UTF_8));
        for (Forwarder f : forwarders) {
            f.offer(a);
        }
    }
}
