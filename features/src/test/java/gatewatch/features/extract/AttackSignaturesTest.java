package gatewatch.features.extract;

import static org.assertj.core.api.Assertions.assertThat;

import gatewatch.features.kdd.KddFeature;
import gatewatch.features.kdd.KddFlag;
import gatewatch.features.kdd.KddRecord;
import gatewatch.features.kdd.Service;
import gatewatch.features.testing.SharedData;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The attacks in the shared captures look, in the records, like the KDD classes they are: a
 * spoofed SYN flood like {@code neptune}, port scans like {@code portsweep}/{@code satan}, an ICMP
 * sweep like {@code ipsweep}. Thresholds are the typical values of those classes in the training
 * data, not values fitted to these files.
 */
class AttackSignaturesTest {

    private static List<KddRecord> features(String capture, Predicate<ConnectionRecord> which) throws Exception {
        return Extract.records(SharedData.require("pcaps/" + capture)).stream().filter(which)
                .map(ConnectionRecord::features).toList();
    }

    private static double median(List<KddRecord> rs, KddFeature f) {
        double[] v = rs.stream().mapToDouble(r -> r.get(f)).sorted().toArray();
        return v[v.length / 2];
    }

    private static double share(List<KddRecord> rs, Predicate<KddRecord> p) {
        return rs.stream().filter(p).count() / (double) rs.size();
    }

    @Test
    void spoofedSynFloodLooksLikeNeptune() throws Exception {
        List<KddRecord> rs = features("attack/stopddos-synflood-spoofed.pcap", r -> true);
        assertThat(rs).hasSizeGreaterThan(37_000);
        // KDD neptune: S0 (81 %) or REJ, count in the hundreds, serror_rate near 1 for S0 rows.
        assertThat(share(rs, r -> r.flag() == KddFlag.S0)).isGreaterThan(0.95);
        assertThat(median(rs, KddFeature.COUNT)).isGreaterThan(100);
        assertThat(median(rs, KddFeature.SERROR_RATE)).isGreaterThanOrEqualTo(0.95);
        assertThat(median(rs, KddFeature.DST_HOST_SERROR_RATE)).isGreaterThanOrEqualTo(0.95);
        assertThat(median(rs, KddFeature.SRC_BYTES)).isZero();
    }

    @Test
    void nmapSynScanLooksLikePortsweepOrSatan() throws Exception {
        List<KddRecord> rs = features("attack/nmap-syn-portscan.pcapng", r -> r.conn().transport().equals("tcp"));
        scanSignature(rs);
    }

    @Test
    void masscanLooksLikePortsweepOrSatan() throws Exception {
        List<KddRecord> rs = features("attack/masscan-tcp-ports-0-1000.pcap", r -> r.conn().transport().equals("tcp"));
        scanSignature(rs);
    }

    /** KDD satan/portsweep: REJ or S0, rerror or serror near 1, many services of one host. */
    private static void scanSignature(List<KddRecord> rs) {
        assertThat(rs).hasSizeGreaterThan(500);
        assertThat(share(rs, r -> r.flag() == KddFlag.REJ || r.flag() == KddFlag.S0 || r.flag() == KddFlag.RSTOS0
                || r.flag() == KddFlag.RSTO)).isGreaterThan(0.9);
        double errors = Math.max(median(rs, KddFeature.RERROR_RATE), median(rs, KddFeature.SERROR_RATE));
        assertThat(errors).isGreaterThanOrEqualTo(0.8);
        assertThat(median(rs, KddFeature.DIFF_SRV_RATE)).isGreaterThanOrEqualTo(0.5);
        assertThat(median(rs, KddFeature.DST_HOST_DIFF_SRV_RATE)).isGreaterThanOrEqualTo(0.5);
        assertThat(median(rs, KddFeature.SRC_BYTES)).isZero();
    }

    @Test
    void icmpSweepLooksLikeIpsweep() throws Exception {
        List<KddRecord> rs = features("attack/icmp-ping-sweep-256-hosts.pcap",
                r -> r.features().service() == Service.ECO_I);
        assertThat(rs).hasSizeGreaterThan(200);
        // KDD ipsweep: echo requests to many hosts: srv_count high, srv_diff_host_rate high,
        // every record a different destination (dst_host_count small).
        assertThat(median(rs, KddFeature.SRV_COUNT)).isGreaterThan(10);
        assertThat(median(rs, KddFeature.SRV_DIFF_HOST_RATE)).isGreaterThanOrEqualTo(0.5);
        assertThat(median(rs, KddFeature.DST_HOST_COUNT)).isLessThanOrEqualTo(5);
        assertThat(Arrays.stream(rs.stream().mapToDouble(r -> r.get(KddFeature.DST_BYTES)).toArray()).max().orElse(0)).isZero();
    }
}
