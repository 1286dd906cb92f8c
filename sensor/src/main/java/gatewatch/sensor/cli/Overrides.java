package gatewatch.sensor.cli;

import gatewatch.sensor.config.SensorConfig;

/** Command-line options win over the configuration file; each replaces one key. */
final class Overrides {
    private Overrides() {
    }

    static SensorConfig apply(SensorConfig c, String iface, String filter, String metricsListen, OutputOptions out) {
        SensorConfig r = c;
        if (iface != null) {
            r = r.withCapture(r.capture().withIface(iface));
        }
        if (filter != null) {
            r = r.withCapture(r.capture().withFilter(filter));
        }
        if (metricsListen != null) {
            r = r.withMetrics(r.metrics().withListen(metricsListen));
        }
        if (out.sensorName != null) {
            r = r.withSensor(r.sensor().withName(out.sensorName));
        }
        if (out.alerts != null) {
            r = r.withAlerts(r.alerts().withPath(out.alerts));
        }
        if (out.records != null) {
            r = r.withRecords(r.records().withPath(out.records));
        }
        if (out.alertLimit != null) {
            r = r.withAlertLimit(r.alertLimit().with(out.alertLimit));
        }
        return r;
    }
}
