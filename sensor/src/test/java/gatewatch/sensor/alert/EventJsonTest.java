package gatewatch.sensor.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gatewatch.detector.model.Category;
import gatewatch.detector.model.Verdict;
import gatewatch.features.conn.IpAddress;
import gatewatch.features.decode.LinkType;
import gatewatch.features.extract.ConnectionRecord;
import gatewatch.features.extract.FeatureExtractor;
import gatewatch.features.kdd.KddFeature;
import gatewatch.features.kdd.KddRecord;
import gatewatch.features.encode.Frames;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The alert line as DESIGN.md specifies it, from a real record of frames built here. */
class EventJsonTest {

    private static ConnectionRecord synRecord() {
        List<ConnectionRecord> out = new ArrayList<>();
        FeatureExtractor fx = new FeatureExtractor(FeatureExtractor.ExtractorConfig.defaults(), out::add);
        long t0 = 1_700_000_000_123_456_789L;
        for (int i = 0; i < 3; i++) {
            byte[] f = Frames.tcp("192.0.2.7", 40000 + i, "10.1.1.80", 80).flags(Frames.SYN).seq(i).ethernet();
            fx.onFrame(f, 0, f.length, f.length, LinkType.ETHERNET, t0 + i * 1_000_000L);
        }
        fx.finish();
        return out.getFirst();
    }

    @Test
    void alertLineCarriesHeaderFlowVerdictAndFeatures() throws Exception {
        ConnectionRecord r = synRecord();
        Verdict v = new Verdict(Category.DOS, "neptune", 0.98765, 0.61234, List.of("count", "serror_rate"));
        JsonNode j = new ObjectMapper().readTree(new EventJson("gw-test").alert(r, v));

        assertThat(j.get("timestamp").asText()).isEqualTo("2023-11-14T22:13:20.123456Z");
        assertThat(j.get("event_type").asText()).isEqualTo("alert");
        assertThat(j.get("sensor").asText()).isEqualTo("gw-test");
        assertThat(j.get("src_ip").asText()).isEqualTo("192.0.2.7");
        assertThat(j.get("src_port").asInt()).isEqualTo(40000);
        assertThat(j.get("dest_ip").asText()).isEqualTo("10.1.1.80");
        assertThat(j.get("dest_port").asInt()).isEqualTo(80);
        assertThat(j.get("proto").asText()).isEqualTo("TCP");

        JsonNode flow = j.get("flow");
        assertThat(flow.get("service").asText()).isEqualTo("http");
        assertThat(flow.get("flag").asText()).isEqualTo("S0");
        assertThat(flow.get("history").asText()).isEqualTo("S");
        assertThat(flow.get("duration").decimalValue()).isEqualByComparingTo("0.000000");
        assertThat(flow.get("bytes_toserver").asLong()).isZero();
        assertThat(flow.get("pkts_toserver").asLong()).isEqualTo(1);
        assertThat(flow.get("start").asText()).isEqualTo("2023-11-14T22:13:20.123456Z");
        // The input ended 2 ms after the SYN, within its attempt timeout: cut off, not timed out.
        assertThat(flow.get("open_at_end").isBoolean()).isTrue();
        assertThat(flow.get("open_at_end").asBoolean()).isTrue();

        JsonNode alert = j.get("alert");
        assertThat(alert.get("category").asText()).isEqualTo("dos");
        assertThat(alert.get("label").asText()).isEqualTo("neptune");
        assertThat(alert.get("confidence").decimalValue()).isEqualByComparingTo("0.9877");
        assertThat(alert.get("anomaly_score").decimalValue()).isEqualByComparingTo("0.6123");
        assertThat(alert.get("reasons")).hasSize(2);
        assertThat(alert.get("reasons").get(0).asText()).isEqualTo("count");

        JsonNode features = j.get("features");
        assertThat(features.size()).isEqualTo(KddFeature.COUNT_OF_FEATURES);
        for (KddFeature f : KddFeature.values()) {
            JsonNode n = features.get(f.kddName());
            assertThat(n).as(f.kddName()).isNotNull();
            if (f.isSymbolic()) {
                assertThat(n.isTextual()).as(f.kddName()).isTrue();
            } else {
                assertThat(n.isNumber()).as(f.kddName()).isTrue();
            }
        }
        assertThat(features.get("flag").asText()).isEqualTo("S0");
        assertThat(features.get("count").asInt()).isEqualTo(1);
        assertThat(features.get("serror_rate").decimalValue()).isEqualByComparingTo("1.00");
    }

    @Test
    void alertAndRecordsLineShareFlowIdAndCommunityId() throws Exception {
        ConnectionRecord r = synRecord();
        Verdict v = new Verdict(Category.DOS, "neptune", 0.9, 0.6, List.of());
        EventJson live = new EventJson("gw-test", "eth1");
        ObjectMapper m = new ObjectMapper();
        JsonNode alert = m.readTree(live.alert(r, v));
        JsonNode record = m.readTree(live.connection(r, v));

        assertThat(alert.get("flow_id").isIntegralNumber()).isTrue();
        assertThat(alert.get("flow_id").asLong()).isPositive().isEqualTo(record.get("flow_id").asLong());
        // 192.0.2.7:40000 -> 10.1.1.80:80 over TCP, as tshark's communityid computes it.
        assertThat(alert.get("community_id").asText()).isEqualTo("1:rUSOrBOeaLtaktO9u1rmBLHVrM0=")
                .isEqualTo(record.get("community_id").asText());
        assertThat(alert.get("in_iface").asText()).isEqualTo("eth1");
        assertThat(alert.has("icmp_type")).isFalse();
        // A replay has no interface.
        assertThat(new ObjectMapper().readTree(new EventJson("gw-test").alert(r, v)).has("in_iface")).isFalse();
    }

    @Test
    void aConnectionThatTimedOutIsNotOpenAtEnd() throws Exception {
        List<ConnectionRecord> out = new ArrayList<>();
        FeatureExtractor fx = new FeatureExtractor(FeatureExtractor.ExtractorConfig.defaults(), out::add);
        long t0 = 1_700_000_000_000_000_000L;
        byte[] syn = Frames.tcp("192.0.2.7", 40000, "10.1.1.80", 80).flags(Frames.SYN).seq(0).ethernet();
        fx.onFrame(syn, 0, syn.length, syn.length, LinkType.ETHERNET, t0);
        // 10 s later: the attempt has timed out (5 s) before the input ends.
        byte[] ping = Frames.icmp("192.0.2.7", "10.1.1.80", 8, 0).ethernet();
        fx.onFrame(ping, 0, ping.length, ping.length, LinkType.ETHERNET, t0 + 10_000_000_000L);
        fx.finish();
        Verdict v = new Verdict(Category.DOS, "neptune", 0.9, 0.6, List.of());
        assertThat(out).hasSize(2);
        for (ConnectionRecord r : out) {
            JsonNode flow = new ObjectMapper().readTree(new EventJson("gw-test").alert(r, v)).get("flow");
            assertThat(flow.get("open_at_end").asBoolean()).as(r.conn().toString()).isFalse();
        }
    }

    /**
     * The numbers as the one formatter writes them ({@code KddCsv.appendDecimals}, {@code %.Nf}):
     * a negative rate keeps its sign, and a half that binary floating point puts a hair below
     * (0.00145 * 10000 is 14.4999...) rounds up, as 0.575 does for rates. The alert log's own
     * formatter wrote {@code 0.25}, {@code 0.0014} and {@code 0.0000} here.
     */
    @Test
    void numbersKeepTheirSignAndRoundHalvesUp() {
        ConnectionRecord syn = synRecord();
        double[] values = syn.features().toArray();
        values[KddFeature.SERROR_RATE.ordinal()] = -0.25;
        values[KddFeature.RERROR_RATE.ordinal()] = 0.575;
        values[KddFeature.SAME_SRV_RATE.ordinal()] = -0.004;
        ConnectionRecord r = new ConnectionRecord(syn.conn(), KddRecord.of(values));
        Verdict v = new Verdict(Category.ANOMALY, "anomaly", 0.00145, -0.00005, List.of());

        String line = new String(new EventJson("gw-test").alert(r, v), StandardCharsets.UTF_8);

        assertThat(line).contains("\"serror_rate\":-0.25,", "\"rerror_rate\":0.58,", "\"same_srv_rate\":0.00,",
                "\"confidence\":0.0015,", "\"anomaly_score\":-0.0001,");
    }

    @Test
    void sensorNameIsEscaped() throws Exception {
        String odd = "gw \"east\"\\ \n\t\u0001 é";
        JsonNode j = new ObjectMapper().readTree(new EventJson(odd).alert(synRecord(),
                new Verdict(Category.PROBE, "satan", 0.5, 0.5, List.of())));
        assertThat(j.get("sensor").asText()).isEqualTo(odd);
        assertThat(j.get("alert").get("reasons")).isEmpty();
    }

    @Test
    void suppressionLineNamesTheKeyTheCountAndTheLabels() throws Exception {
        long t0 = 1_700_000_000_000_000_000L;
        IpAddress victim = new IpAddress(0, 0x0000_ffff_0a01_0150L); // 10.1.1.80
        Suppression s = new Suppression(Suppression.Track.BY_DEST, victim, Category.DOS, t0, 60_000_000_000L,
                t0 + 60_000_000_000L, 100, 12_345, t0 + 1_000, t0 + 59_000_000_000L,
                Map.of("neptune", 12_000L, "odd \"label\"", 345L));
        JsonNode j = new ObjectMapper().readTree(new EventJson("gw-test").suppressed(s));

        assertThat(j.get("event_type").asText()).isEqualTo("alert_suppressed");
        assertThat(j.get("timestamp").asText()).isEqualTo("2023-11-14T22:14:20.000000Z");
        assertThat(j.get("dest_ip").asText()).isEqualTo("10.1.1.80");
        assertThat(j.has("src_ip")).isFalse();
        assertThat(j.get("alert").get("category").asText()).isEqualTo("dos");
        JsonNode sup = j.get("suppressed");
        assertThat(sup.get("track").asText()).isEqualTo("by_dest");
        assertThat(sup.get("count").asLong()).isEqualTo(12_345);
        assertThat(sup.get("written").asLong()).isEqualTo(100);
        assertThat(sup.get("first").asText()).isEqualTo("2023-11-14T22:13:20.000001Z");
        assertThat(sup.get("window_seconds").asDouble()).isEqualTo(60.0);
        assertThat(sup.get("labels").get("neptune").asLong()).isEqualTo(12_000);
        assertThat(sup.get("labels").get("odd \"label\"").asLong()).isEqualTo(345);
    }
}
