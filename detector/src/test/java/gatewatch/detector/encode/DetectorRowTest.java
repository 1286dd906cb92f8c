package gatewatch.detector.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gatewatch.features.extended.ExtendedFeature;
import gatewatch.features.kdd.KddFeature;
import gatewatch.features.kdd.KddFlag;
import gatewatch.features.kdd.KddRecord;
import gatewatch.features.kdd.KddSchema;
import gatewatch.features.kdd.ProtocolType;
import org.junit.jupiter.api.Test;

class DetectorRowTest {
    private static double[] kdd(ProtocolType p, KddFlag flag, double dstBytes) {
        double[] v = new double[41];
        v[KddFeature.PROTOCOL_TYPE.ordinal()] = p.ordinal();
        v[KddFeature.FLAG.ordinal()] = flag.ordinal();
        v[KddFeature.SRC_BYTES.ordinal()] = 123;
        v[KddFeature.DST_BYTES.ordinal()] = dstBytes;
        return v;
    }

    @Test
    void theKddColumnsComeFirstThenTheExtendedOnesByName() {
        String[] names = DetectorRow.names();
        assertThat(names).hasSize(DetectorRow.WIDTH);
        assertThat(names[0]).isEqualTo("duration");
        assertThat(names[40]).isEqualTo("dst_host_srv_rerror_rate");
        assertThat(names[DetectorRow.CONN_STATE]).isEqualTo("conn_state");
        assertThat(names).hasSize(42);
    }

    @Test
    void aKddRowGetsTheExtendedValuesItsFortyOneImply() {
        // TCP: KDD's flag is Bro's state. UDP and ICMP: SF in KDD'99 whatever happened; answered when bytes came back.
        double[] tcp = DetectorRow.of(KddRecord.of(kdd(ProtocolType.TCP, KddFlag.REJ, 0)), null);
        double[] answered = DetectorRow.widen(kdd(ProtocolType.UDP, KddFlag.SF, 80));
        double[] silent = DetectorRow.widen(kdd(ProtocolType.UDP, KddFlag.SF, 0));
        double[] ping = DetectorRow.widen(kdd(ProtocolType.ICMP, KddFlag.SF, 0));
        assertThat(tcp[DetectorRow.CONN_STATE]).isEqualTo(KddFlag.REJ.ordinal());
        assertThat(answered[DetectorRow.CONN_STATE]).isEqualTo(KddFlag.SF.ordinal());
        assertThat(silent[DetectorRow.CONN_STATE]).isEqualTo(KddFlag.S0.ordinal());
        assertThat(ping[DetectorRow.CONN_STATE]).isEqualTo(KddFlag.S0.ordinal());
        assertThat(tcp).startsWith(kdd(ProtocolType.TCP, KddFlag.REJ, 0));
    }

    @Test
    void aFullRowIsTakenAsItIsAndAnotherWidthIsRefused() {
        double[] row = DetectorRow.widen(kdd(ProtocolType.UDP, KddFlag.SF, 0));
        assertThat(DetectorRow.widen(row)).isSameAs(row);
        double[] copy = new double[DetectorRow.WIDTH + 2];
        DetectorRow.copy(row, copy, 2);
        assertThat(java.util.Arrays.copyOfRange(copy, 2, copy.length)).containsExactly(row);
        assertThatThrownBy(() -> DetectorRow.copy(new double[40], new double[DetectorRow.WIDTH], 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 40");
    }

    @Test
    void aCorpusLineTakesTheExtendedColumnsTheDetectorUses() {
        double[] extended = {3, 0, 400, 0, KddFlag.S0.ordinal(), -1, -1, 1};
        double[] row = DetectorRow.of(kdd(ProtocolType.UDP, KddFlag.SF, 0), extended);
        assertThat(row).hasSize(DetectorRow.WIDTH);
        assertThat(row[DetectorRow.CONN_STATE]).isEqualTo(KddFlag.S0.ordinal());
        assertThat(row).doesNotContain(400.0); // the mean payload is exported, not used
    }

    @Test
    void theSchemaHashCoversTheColumnsBeyondTheFortyOneAndOnlyThose() {
        String hash = DetectorRow.schemaHash();
        assertThat(hash).hasSize(64).isEqualTo(DetectorRow.schemaHash());
        // The 41 alone hash differently: a model trained with another set of extra columns is refused.
        assertThat(hash).isNotEqualTo(KddSchema.hash());
        // Export-only features are not in it: the text it hashes names the columns the detector reads.
        for (ExtendedFeature e : ExtendedFeature.values()) {
            boolean used = java.util.Arrays.asList(DetectorRow.EXTENDED).contains(e);
            assertThat(java.util.Arrays.asList(DetectorRow.names()).contains(e.columnName())).isEqualTo(used);
        }
        assertThat(KddSchema.text()).doesNotContain("orig_pkts", "open_at_end");
    }
}
