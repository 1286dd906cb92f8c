package gatewatch.sensor.forward.syslog;

import gatewatch.detector.model.Category;

/**
 * The RFC 5424 severity of an alert, from its category: how much damage the attack class can do
 * once it succeeds. User-to-root means a host is owned (critical); remote-to-local means an
 * account is, and a man in the middle (ARP poisoning) reads and alters other hosts' traffic (error); denial of service hurts availability but not integrity (warning); probes
 * and anomalies are things to look at (notice). Emergency and alert (0, 1) are left for the
 * sensor itself, never for a single detection.
 */
public final class Severity {
    public static final int CRITICAL = 2;
    public static final int ERROR = 3;
    public static final int WARNING = 4;
    public static final int NOTICE = 5;

    private Severity() {
    }

    public static int of(Category category) {
        return switch (category) {
            case U2R -> CRITICAL;
            case R2L, MITM -> ERROR;
            case DOS -> WARNING;
            case PROBE, ANOMALY -> NOTICE;
            case NORMAL -> throw new IllegalArgumentException("normal is not an alert category");
        };
    }
}
