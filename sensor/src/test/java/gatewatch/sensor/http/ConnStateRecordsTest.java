package gatewatch.sensor.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gatewatch.detector.encode.DetectorRow;
import gatewatch.detector.model.Category;
import gatewatch.detector.model.Verdict;
import gatewatch.features.kdd.KddFlag;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The scoring API scores a record with the {@code conn_state} the sensor wrote in its
 * {@code flow} object, and derives it from the 41 only when the record does not carry one.
 */
class ConnStateRecordsTest {
    /** A UDP query answered by a datagram without payload: no destination bytes, yet answered. */
    private static final String UDP_ANSWERED_EMPTY = "0,udp,domain_u,SF,40,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1,"
            + "0.00,0.00,0.00,0.00,1.00,0.00,0.00,1,1,1.00,0.00,1.00,0.00,0.00,0.00,0.00,0.00";

    private static byte[] line(Map<String, Object> object) {
        return Rows.json(List.of(object)).getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, Object> event(String csv, Object connState) {
        Map<String, Object> flow = new java.util.LinkedHashMap<>();
        flow.put("service", "dns");
        flow.put("conn_state", connState);
        Map<String, Object> event = new java.util.LinkedHashMap<>();
        event.put("event_type", "flow");
        event.put("flow", flow);
        event.put("features", Rows.object(csv));
        return event;
    }

    @Test
    void theFlowsConnStateIsScoredInsteadOfTheDerivedOne() {
        List<double[]> scored = new ArrayList<>();
        Scorer capture = (rows, n, out) -> {
            for (int i = 0; i < n; i++) {
                scored.add(java.util.Arrays.copyOfRange(rows, i * DetectorRow.WIDTH, (i + 1) * DetectorRow.WIDTH));
                out[i] = new Verdict(Category.NORMAL, "normal", 1.0, 0.1, List.of());
            }
        };
        ScoreService service = new ScoreService(capture, 10);

        service.score("application/json", line(event(UDP_ANSWERED_EMPTY, "SF")));
        service.score("application/json", line(Rows.object(UDP_ANSWERED_EMPTY)));
        service.score("text/csv", (UDP_ANSWERED_EMPTY + "\n").getBytes(StandardCharsets.US_ASCII));

        assertThat(scored).hasSize(3);
        // What the sensor saw: answered.
        assertThat(scored.get(0)[DetectorRow.CONN_STATE]).isEqualTo(KddFlag.SF.ordinal());
        // Derived from the 41: no destination bytes, so nobody answered.
        assertThat(scored.get(1)[DetectorRow.CONN_STATE]).isEqualTo(KddFlag.S0.ordinal());
        assertThat(scored.get(2)[DetectorRow.CONN_STATE]).isEqualTo(KddFlag.S0.ordinal());
        // The 41 are the same in all three.
        for (int i = 0; i < DetectorRow.CONN_STATE; i++) {
            assertThat(scored.get(0)[i]).as("column %d", i).isEqualTo(scored.get(1)[i]).isEqualTo(scored.get(2)[i]);
        }
    }

    @Test
    void everyZeekStateIsReadAndAMissingOneIsDerived() {
        JsonRecords reader = new JsonRecords(10);
        for (KddFlag state : KddFlag.values()) {
            assertThat(reader.parse(line(event(Rows.NORMAL, state.kddName()))).getFirst().connState()).isEqualTo(state);
        }
        assertThat(reader.parse(line(event(Rows.NORMAL, null))).getFirst().connState()).isNull();
        assertThat(reader.parse(line(Rows.object(Rows.NORMAL))).getFirst().connState()).isNull();
    }

    @Test
    void anUnknownConnStateIsRefusedNamingTheField() {
        JsonRecords reader = new JsonRecords(10);
        assertThatThrownBy(() -> reader.parse(line(event(Rows.NORMAL, "ESTABLISHED"))))
                .isInstanceOf(RequestRejected.class)
                .hasMessageContaining("record at index 0: flow.conn_state")
                .hasMessageContaining("ESTABLISHED");
        assertThatThrownBy(() -> reader.parse(line(event(Rows.NORMAL, 3))))
                .isInstanceOf(RequestRejected.class)
                .hasMessageContaining("flow.conn_state");
    }
}
