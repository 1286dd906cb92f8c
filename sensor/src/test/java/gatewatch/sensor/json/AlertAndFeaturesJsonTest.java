package gatewatch.sensor.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gatewatch.detector.model.Category;
import gatewatch.detector.model.Verdict;
import gatewatch.features.extract.ConnectionRecord;
import gatewatch.features.extract.FeatureExtractor;
import gatewatch.features.kdd.KddFeature;
import gatewatch.features.testing.BundledCapture;
import gatewatch.features.testing.CaptureFiles;
import gatewatch.sensor.alert.EventJson;
import gatewatch.sensor.output.JsonRecordWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One connection written as an alert line and as a {@code features --json} line: every field the
 * two share has the same name, the same value and the same text, and the feature line has no
 * field the alert line lacks (it is the alert without the sensor's fields and the verdict). On
 * every connection of the bundled capture: TCP, UDP and ICMP, ended and open at the end.
 */
class AlertAndFeaturesJsonTest {
    private static final Set<String> ALERT_ONLY = Set.of("in_iface", "event_type", "sensor", "alert");
    private static final List<ConnectionRecord> RECORDS = new ArrayList<>();

    @TempDir
    static Path tmp;

    @BeforeAll
    static void extract() throws Exception {
        FeatureExtractor fx = new FeatureExtractor(FeatureExtractor.ExtractorConfig.defaults(), RECORDS::add);
        CaptureFiles.read(BundledCapture.PCAP.copyTo(tmp), fx);
        fx.finish();
        assertThat(RECORDS).hasSize(BundledCapture.CONNECTIONS);
    }

    @Test
    void theAlertAndTheFeatureRecordOfAConnectionAgreeFieldForField() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        EventJson events = new EventJson("gw-test", "eth0");
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        try (JsonRecordWriter features = new JsonRecordWriter(text)) {
            for (ConnectionRecord r : RECORDS) {
                features.write(r);
            }
        }
        List<String> featureLines = text.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(featureLines).hasSize(RECORDS.size());
        Set<String> protos = new HashSet<>();
        for (int i = 0; i < RECORDS.size(); i++) {
            ConnectionRecord r = RECORDS.get(i);
            String alertLine = new String(events.alert(r, new Verdict(Category.PROBE, "ipsweep", 0.9, 0.7,
                    List.of("count"))), StandardCharsets.UTF_8);
            JsonNode alert = mapper.readTree(alertLine);
            JsonNode feature = mapper.readTree(featureLines.get(i));
            String at = r.conn().toString();

            Set<String> shared = new HashSet<>();
            alert.fieldNames().forEachRemaining(shared::add);
            shared.removeAll(ALERT_ONLY);
            Set<String> featureFields = new HashSet<>();
            feature.fieldNames().forEachRemaining(featureFields::add);
            assertThat(featureFields).as(at).isEqualTo(shared)
                    .contains("timestamp", "flow_id", "src_ip", "src_port", "dest_ip", "dest_port", "proto",
                            "community_id", "flow", "features");
            for (String name : shared) {
                assertThat(feature.get(name)).as(at + ": " + name).isEqualTo(alert.get(name));
                // The same text, not only the same value: 0.50 stays 0.50 in both.
                assertThat(feature.get(name).toString()).as(at + ": " + name).isEqualTo(alert.get(name).toString());
            }
            assertThat(featureLines.get(i)).as(at).endsWith(alertLine.substring(alertLine.indexOf(",\"features\":")));
            assertThat(feature.get("features").size()).isEqualTo(KddFeature.COUNT_OF_FEATURES);
            assertThat(feature.get("dest_ip").asText()).isEqualTo(r.conn().respAddress().toString());
            assertThat(feature.get("flow").get("start").asText()).isEqualTo(IsoTimestamp.format(r.conn().startNanos()));
            protos.add(feature.get("proto").asText());
        }
        assertThat(protos).contains("TCP", "UDP", "ICMP");
    }
}
