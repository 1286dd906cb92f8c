package gatewatch.synth.scenario;

import static gatewatch.synth.Extracted.dst;
import static gatewatch.synth.Extracted.flag;
import static gatewatch.synth.Extracted.get;
import static gatewatch.synth.Extracted.service;
import static gatewatch.synth.Extracted.src;
import static org.assertj.core.api.Assertions.assertThat;

import gatewatch.features.extract.ConnectionRecord;
import gatewatch.features.kdd.KddFeature;
import gatewatch.synth.Extracted;
import gatewatch.synth.Mix;
import gatewatch.synth.SynthSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each scenario alone, read back through libpcap and the feature extractor: its records have the
 * basic features (service, flag, bytes, duration) of the KDD records of the class it imitates.
 * The numbers quoted come from kddcup.data_10_percent.
 */
class ScenarioRecordsTest {
    @TempDir
    Path tmp;

    private List<ConnectionRecord> alone(String scenario, int records) throws Exception {
        SynthSpec spec = SynthSpec.defaults().withMix(Mix.parse(scenario + "=100")).withConnections(records).withSeed(7);
        List<ConnectionRecord> out = Extracted.synthesize(spec, tmp).records();
        assertThat(out).as("exactly the records asked for").hasSize(records);
        return out;
    }

    @Test
    void neptuneIsS0AndRejToOneHostWithoutBytes() throws Exception {
        List<ConnectionRecord> r = alone("neptune", 400);
        Map<String, Long> flags = count(r, Extracted::flag);
        assertThat(flags.keySet()).containsOnly("S0", "REJ");
        // KDD neptune: 81,930 S0 and 19,274 REJ.
        assertThat(flags.get("S0")).isBetween(280L, 360L);
        assertThat(r).extracting(Extracted::dst).containsOnly(dst(r.getFirst()));
        assertThat(r).allSatisfy(c -> {
            assertThat(get(c, KddFeature.SRC_BYTES)).isZero();
            assertThat(get(c, KddFeature.DST_BYTES)).isZero();
            assertThat(get(c, KddFeature.DURATION)).isZero();
        });
        // A dozen ports at a time, moving on every 150 SYNs (KDD neptune's srv_count pattern):
        // 400 SYNs touch three sets, at most 36 ports, and any 150 consecutive ones at most 12.
        assertThat(r.stream().map(c -> c.conn().respPort()).distinct().count()).isBetween(20L, 36L);
        List<ConnectionRecord> byStart = r.stream()
                .sorted(java.util.Comparator.comparingLong(c -> c.conn().startNanos())).toList();
        assertThat(byStart.subList(0, 150).stream().map(c -> c.conn().respPort()).distinct().count()).isLessThanOrEqualTo(12L);
        // Hundreds of SYNs within two seconds: the window's count runs high.
        assertThat(spanSeconds(r)).isLessThan(r.size() / 50.0);
    }

    @Test
    void portsweepIsRejAcrossManyPortsOfOneHostAndRstoOnOpenOnes() throws Exception {
        List<ConnectionRecord> r = alone("portsweep", 1_024);
        assertThat(r).extracting(Extracted::src).containsOnly(src(r.getFirst()));
        assertThat(r).extracting(Extracted::dst).containsOnly(dst(r.getFirst()));
        assertThat(r.stream().map(c -> c.conn().respPort()).distinct().count()).isEqualTo(1_024);
        Map<String, Long> flags = count(r, Extracted::flag);
        assertThat(flags.keySet()).containsOnly("REJ", "RSTO");
        assertThat(flags.get("REJ")).isGreaterThan(1_000L);
        // Ports 1-1024: unnamed ones below 1024 are private, as KDD's portsweep rows mostly are.
        assertThat(count(r, Extracted::service).get("private")).isGreaterThan(900L);
        assertThat(r).allSatisfy(c -> assertThat(get(c, KddFeature.SRC_BYTES) + get(c, KddFeature.DST_BYTES)).isZero());
    }

    @Test
    void ipsweepIsEcoIOfEightBytesToManyHostsOneEachWithSomeAnswers() throws Exception {
        List<ConnectionRecord> r = alone("ipsweep", 300);
        List<ConnectionRecord> requests = r.stream().filter(c -> service(c).equals("eco_i")).toList();
        List<ConnectionRecord> replies = r.stream().filter(c -> service(c).equals("ecr_i")).toList();
        assertThat(requests.size() + replies.size()).isEqualTo(r.size());
        assertThat(requests).allSatisfy(c -> assertThat(get(c, KddFeature.SRC_BYTES)).isEqualTo(8));
        assertThat(requests.stream().map(Extracted::dst).distinct().count()).isEqualTo(requests.size());
        assertThat(requests).extracting(Extracted::src).containsOnly(src(requests.getFirst()));
        // The hosts that exist answer (the sweep starts with the router and the 40 workstations), no other.
        List<String> probed = requests.stream().map(Extracted::dst).toList();
        assertThat(replies).hasSizeGreaterThanOrEqualTo(41).extracting(Extracted::src).isSubsetOf(probed);
        assertThat(r).allSatisfy(c -> assertThat(flag(c)).isEqualTo("SF"));
    }

    @Test
    void smurfIsEcrIOf1032BytesFromManyHostsToOneWithinSeconds() throws Exception {
        List<ConnectionRecord> r = alone("smurf", 2_000);
        assertThat(r).allSatisfy(c -> {
            assertThat(service(c)).isEqualTo("ecr_i");
            assertThat(get(c, KddFeature.SRC_BYTES)).isEqualTo(1_032);
            assertThat(get(c, KddFeature.DST_BYTES)).isZero();
        });
        assertThat(r).extracting(Extracted::dst).containsOnly(dst(r.getFirst()));
        assertThat(r.stream().map(Extracted::src).distinct().count()).isBetween(40L, 90L);
        assertThat(spanSeconds(r)).isLessThan(1.0);
    }

    @Test
    void guessPasswdIsTelnetRstoOfKddSize() throws Exception {
        List<ConnectionRecord> r = alone("guess_passwd", 40);
        assertThat(r).allSatisfy(c -> {
            assertThat(service(c)).isEqualTo("telnet");
            assertThat(flag(c)).isEqualTo("RSTO");
            // KDD guess_passwd: 125 bytes out, 179 back, duration 0.
            assertThat(get(c, KddFeature.SRC_BYTES)).isBetween(110.0, 140.0);
            assertThat(get(c, KddFeature.DST_BYTES)).isBetween(165.0, 195.0);
            assertThat(get(c, KddFeature.DURATION)).isZero();
        });
        assertThat(r).extracting(Extracted::src).containsOnly(src(r.getFirst()));
    }

    @Test
    void ftpGuessingIsFtpConnectionsOfOneAttacker() throws Exception {
        List<ConnectionRecord> r = alone("guess_passwd_ftp", 20);
        assertThat(r).allSatisfy(c -> {
            assertThat(service(c)).isEqualTo("ftp");
            assertThat(flag(c)).isEqualTo("SF");
            assertThat(get(c, KddFeature.SRC_BYTES)).isBetween(60.0, 120.0);
        });
        assertThat(r).extracting(Extracted::src).containsOnly(src(r.getFirst()));
    }

    /**
     * KDD's guess_passwd records have num_failed_logins 1 and logged_in 0; the FTP guesses make
     * three failures a connection; a normal telnet or FTP login has logged_in 1.
     */
    @Test
    void contentFeaturesOfGuessedAndNormalLogins() throws Exception {
        assertThat(alone("guess_passwd", 10)).allSatisfy(c -> {
            assertThat(get(c, KddFeature.NUM_FAILED_LOGINS)).isEqualTo(1);
            assertThat(get(c, KddFeature.LOGGED_IN)).isZero();
        });
        assertThat(alone("guess_passwd_ftp", 5)).allSatisfy(c -> assertThat(get(c, KddFeature.NUM_FAILED_LOGINS)).isEqualTo(3));
        assertThat(alone("normal", 400).stream().filter(c -> service(c).equals("ftp") || service(c).equals("telnet")))
                .isNotEmpty().allSatisfy(c -> assertThat(get(c, KddFeature.LOGGED_IN)).isEqualTo(1));
    }

    @Test
    void normalTrafficHasTheServicesAndSizesOfKddNormalRecords() throws Exception {
        List<ConnectionRecord> r = alone("normal", 3_000);
        Map<String, Long> services = count(r, Extracted::service);
        assertThat(services.keySet()).contains("http", "domain_u", "smtp", "ftp", "telnet");
        assertThat(services.get("http")).isGreaterThan(1_500L);
        List<ConnectionRecord> tcp = r.stream().filter(c -> c.conn().ipProtocol() == 6).toList();
        assertThat(tcp).allSatisfy(c -> assertThat(flag(c)).isEqualTo("SF"));

        List<ConnectionRecord> http = byService(r, "http");
        assertThat(http).allSatisfy(c -> assertThat(get(c, KddFeature.SRC_BYTES)).isBetween(120.0, 450.0));
        // KDD normal http: duration 0 for more than nine in ten; a large page over the WAN takes a second or more.
        assertThat(quantile(http, KddFeature.DURATION, 0.95)).isZero();
        // KDD normal http dst_bytes: median 1,425, tenth percentile 196, ninetieth 10,063.
        assertThat(quantile(http, KddFeature.DST_BYTES, 0.5)).isBetween(1_000.0, 2_000.0);
        assertThat(quantile(http, KddFeature.DST_BYTES, 0.9)).isBetween(6_000.0, 16_000.0);
        // KDD normal smtp: src_bytes median 1,217, dst_bytes about 330.
        assertThat(quantile(byService(r, "smtp"), KddFeature.SRC_BYTES, 0.5)).isBetween(900.0, 1_600.0);
        assertThat(quantile(byService(r, "smtp"), KddFeature.DST_BYTES, 0.5)).isBetween(300.0, 380.0);
        // KDD normal domain_u: query 32-46 bytes.
        assertThat(byService(r, "domain_u")).allSatisfy(c -> assertThat(get(c, KddFeature.SRC_BYTES)).isBetween(30.0, 46.0));
        // KDD normal ftp: 21-31 s for most.
        assertThat(quantile(byService(r, "ftp"), KddFeature.DURATION, 0.5)).isBetween(15.0, 35.0);

        // Active-mode FTP data: from the server's port 20, the file one way, nothing back.
        // FTP_DATA HOOK: KDD names these ftp_data; the extractor names a TCP service by the
        // responder's port, so today they come out as "private". Assert ftp_data once it maps
        // an originator port of 20 to ftp_data.
        List<ConnectionRecord> data = tcp.stream().filter(c -> c.conn().origPort() == 20).toList();
        assertThat(data).isNotEmpty().allSatisfy(c -> {
            assertThat(get(c, KddFeature.SRC_BYTES)).isPositive();
            assertThat(get(c, KddFeature.DST_BYTES)).isZero();
            assertThat(service(c)).isIn("ftp_data", "private");
        });
        // Spread over time, not all in one second: the 2-second windows see a plausible rate.
        assertThat(spanSeconds(r)).isGreaterThan(r.size() / 40.0);
    }

    private static List<ConnectionRecord> byService(List<ConnectionRecord> r, String service) {
        return r.stream().filter(c -> service(c).equals(service)).toList();
    }

    private static Map<String, Long> count(List<ConnectionRecord> r, Function<ConnectionRecord, String> key) {
        return r.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
    }

    private static double quantile(List<ConnectionRecord> r, KddFeature f, double q) {
        double[] v = r.stream().mapToDouble(c -> get(c, f)).sorted().toArray();
        return v[(int) Math.min(v.length - 1, Math.floor(q * v.length))];
    }

    private static double spanSeconds(List<ConnectionRecord> r) {
        long first = r.stream().mapToLong(c -> c.conn().startNanos()).min().orElseThrow();
        long last = r.stream().mapToLong(c -> c.conn().endNanos()).max().orElseThrow();
        return (last - first) / 1e9;
    }
}
