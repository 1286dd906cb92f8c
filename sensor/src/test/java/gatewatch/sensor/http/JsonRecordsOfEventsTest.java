package gatewatch.sensor.http;

import static org.assertj.core.api.Assertions.assertThat;

import gatewatch.detector.model.Category;
import gatewatch.detector.model.Verdict;
import gatewatch.features.extract.ConnectionRecord;
import gatewatch.features.extract.FeatureExtractor;
import gatewatch.features.kdd.KddCsv;
import gatewatch.features.testing.BundledCapture;
import gatewatch.features.testing.CaptureFiles;
import gatewatch.sensor.alert.EventJson;
import gatewatch.sensor.output.JsonRecordWriter;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scoring API reads the records gatewatch writes as they are: {@code features --json} lines,
 * alert lines and records lines give the features of the connection, as its {@code kddcup.data}
 * row does (rates with the two decimals both write), with the connection's Zeek state.
 */
class JsonRecordsOfEventsTest {
    @Test
    void featureRecordsAlertsAndRecordsLinesAreScoredAsTheirKddRows(@TempDir Path tmp) throws Exception {
        List<ConnectionRecord> records = new ArrayList<>();
        FeatureExtractor fx = new FeatureExtractor(FeatureExtractor.ExtractorConfig.defaults(), records::add);
        CaptureFiles.read(BundledCapture.PCAP.copyTo(tmp), fx);
        fx.finish();
        List<ScoreRecord> rows = records.stream()
                .map(r -> new ScoreRecord(KddCsv.parse(r.features().toKddCsv()).record(), r.conn().zeekState())).toList();

        ByteArrayOutputStream featureLines = new ByteArrayOutputStream();
        try (JsonRecordWriter w = new JsonRecordWriter(featureLines)) {
            records.forEach(w::write);
        }
        ByteArrayOutputStream eventLines = new ByteArrayOutputStream();
        EventJson events = new EventJson("gw-test", "eth0");
        Verdict verdict = new Verdict(Category.DOS, "neptune", 0.9, 0.6, List.of("count"));
        for (ConnectionRecord r : records) {
            eventLines.write(events.alert(r, verdict));
            eventLines.write('\n');
            eventLines.write(events.connection(r, verdict));
            eventLines.write('\n');
        }

        JsonRecords reader = new JsonRecords(1_000);
        assertThat(reader.parse(featureLines.toByteArray())).containsExactlyElementsOf(rows);
        List<ScoreRecord> twice = new ArrayList<>();
        rows.forEach(r -> {
            twice.add(r);
            twice.add(r);
        });
        assertThat(reader.parse(eventLines.toByteArray())).containsExactlyElementsOf(twice);
    }
}
