package gatewatch.sensor.cli;

import gatewatch.sensor.alert.AlertLimit;
import gatewatch.sensor.config.CaptureSection;
import gatewatch.sensor.config.MetricsSection;
import gatewatch.sensor.config.SensorConfig;
import gatewatch.sensor.config.SensorSection;
import java.nio.file.Path;

/** Command-line options win over the configuration file; each replaces one key. */
final class Overrides {
    private Overrides() {
    }

    static SensorConfig apply(SensorConfig c, String iface, String filter, Path alerts, Path records, String metricsListen,
            String sensorName, AlertLimit alertLimit) {
        CaptureSection cap = c.capture();
        CaptureSection capture = new CaptureSection(iface != null ? iface : cap.iface(), filter != null ? filter : cap.filter(),
                cap.snaplen(), cap.promiscuous(), cap.bufferMib(), cap.immediate(), cap.timeoutMs());
        MetricsSection m = c.metrics();
        MetricsSection metrics = metricsListen != null
                ? m.withListen(metricsListen)
                : m;
        return new SensorConfig(
                sensorName != null ? new SensorSection(sensorName, c.sensor().user()) : c.sensor(),
                capture, c.connections(), c.pipeline(), c.detector(),
                alerts != null ? c.alerts().withPath(alerts) : c.alerts(),
                records != null ? c.records().withPath(records) : c.records(),
                c.forwarders(), metrics, alertLimit != null ? c.alertLimit().with(alertLimit) : c.alertLimit(),
                c.statsInterval());
    }
}
