package gatewatch.sensor.forward;

import gatewatch.detector.model.Category;
import java.time.Instant;

/** Alerts for tests: a small JSON object in DESIGN.md's shape whose {@code id} field lets a receiver count copies. */
public final class TestAlerts {
    public static final Instant T0 = Instant.parse("2024-05-06T07:08:09.123456Z");
    private static final Category[] CATEGORIES = {Category.DOS, Category.PROBE, Category.R2L, Category.U2R, Category.ANOMALY};

    private TestAlerts() {
    }

    public static ForwardedAlert alert(int id) {
        Category category = CATEGORIES[id % CATEGORIES.length];
        Instant ts = T0.plusNanos(id * 1_000L);
        String json = "{\"timestamp\":\"" + ts + "\",\"event_type\":\"alert\",\"sensor\":\"gw-test\",\"id\":" + id
                + ",\"src_ip\":\"192.0.2.7\",\"src_port\":40000,\"dest_ip\":\"198.51.100.9\",\"dest_port\":80,"
                + "\"proto\":\"tcp\",\"alert\":{\"category\":\"" + category + "\",\"label\":\"test\",\"confidence\":0.9}}";
        return new ForwardedAlert(ts, category, json);
    }
}
