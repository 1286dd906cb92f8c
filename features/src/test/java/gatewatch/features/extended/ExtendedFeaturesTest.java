package gatewatch.features.extended;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gatewatch.features.conn.ConnectionSummary;
import gatewatch.features.conn.FinishReason;
import gatewatch.features.conn.IpAddress;
import gatewatch.features.kdd.KddFlag;
import gatewatch.features.kdd.KddFormatException;
import gatewatch.features.kdd.ProtocolType;
import gatewatch.features.kdd.Service;
import org.junit.jupiter.api.Test;

class ExtendedFeaturesTest {
    private static final IpAddress A = new IpAddress(0, 0x0000_ffff_0a00_0001L);
    private static final IpAddress B = new IpAddress(0, 0x0000_ffff_0a00_0002L);

    private static ConnectionSummary conn(int ipProtocol, Service service, KddFlag zeek, long origBytes, long respBytes,
            long origPkts, long respPkts, int icmpType, int icmpCode, boolean open) {
        return new ConnectionSummary(0, 1_000_000, A, 40000, B, 53, ipProtocol, ProtocolType.ofIpProtocol(ipProtocol),
                service, zeek, KddFlag.SF, "", origBytes, respBytes, origPkts, respPkts, 0, 0, 0, false, 0, 0,
                FinishReason.TIMEOUT, icmpType, icmpCode, open);
    }

    private static double[] of(ConnectionSummary c) {
        double[] v = new double[ExtendedFeature.COUNT];
        ExtendedFeatures.fill(c, v, 0);
        return v;
    }

    private static double get(double[] v, ExtendedFeature f) {
        return v[f.ordinal()];
    }

    @Test
    void anUnansweredDatagramKeepsZeeksStateWhereKddsFlagSaysSf() {
        double[] v = of(conn(17, Service.DOMAIN_U, KddFlag.S0, 1200, 0, 1, 0, 0, 0, false));
        assertThat(get(v, ExtendedFeature.CONN_STATE)).isEqualTo(KddFlag.S0.ordinal());
        assertThat(get(v, ExtendedFeature.ORIG_PKTS)).isEqualTo(1);
        assertThat(get(v, ExtendedFeature.RESP_PKTS)).isZero();
        assertThat(get(v, ExtendedFeature.ORIG_MEAN_PAYLOAD)).isEqualTo(1200);
        assertThat(get(v, ExtendedFeature.RESP_MEAN_PAYLOAD)).as("no packets, no mean").isZero();
        assertThat(get(v, ExtendedFeature.ICMP_TYPE)).as("not ICMP").isEqualTo(-1);
        assertThat(get(v, ExtendedFeature.ICMP_CODE)).as("not ICMP").isEqualTo(-1);
        assertThat(get(v, ExtendedFeature.OPEN_AT_END)).isZero();
    }

    @Test
    void icmpKeepsItsTypeAndCodeAndAnOpenConnectionIsMarked() {
        double[] v = of(conn(1, Service.URP_I, KddFlag.SF, 56, 0, 1, 0, 3, 3, false));
        assertThat(get(v, ExtendedFeature.ICMP_TYPE)).isEqualTo(3);
        assertThat(get(v, ExtendedFeature.ICMP_CODE)).isEqualTo(3);
        double[] open = of(conn(6, Service.HTTP, KddFlag.S1, 300, 9000, 4, 7, 0, 0, true));
        assertThat(get(open, ExtendedFeature.OPEN_AT_END)).isEqualTo(1);
        assertThat(get(open, ExtendedFeature.RESP_MEAN_PAYLOAD)).isEqualTo(9000.0 / 7);
    }

    @Test
    void csvLinesReadBackBitForBit() {
        double[] v = of(conn(6, Service.HTTP, KddFlag.RSTR, 301, 9001, 3, 7, 0, 0, true));
        StringBuilder sb = new StringBuilder();
        ExtendedCsv.append(v, 0, sb);
        assertThat(sb.toString()).isEqualTo("3,7,100.33333333333333,1285.857142857143,RSTR,-1,-1,1");
        assertThat(ExtendedCsv.parse(sb.toString())).containsExactly(v);
        assertThat(ExtendedCsv.header()).isEqualTo(
                "orig_pkts,resp_pkts,orig_mean_payload,resp_mean_payload,conn_state,icmp_type,icmp_code,open_at_end");
    }

    @Test
    void aBadLineNamesTheColumn() {
        assertThatThrownBy(() -> ExtendedCsv.parse("3,7,1,2,XX,-1,-1,1")).isInstanceOf(KddFormatException.class)
                .hasMessageContaining("conn_state").hasMessageContaining("XX");
        assertThatThrownBy(() -> ExtendedCsv.parse("3,seven,1,2,SF,-1,-1,1")).isInstanceOf(KddFormatException.class)
                .hasMessageContaining("resp_pkts");
        assertThatThrownBy(() -> ExtendedCsv.parse("3,7")).isInstanceOf(KddFormatException.class)
                .hasMessageContaining("8 extended columns");
    }
}
