package gatewatch.sensor.lab.run;

import static org.assertj.core.api.Assertions.assertThat;

import gatewatch.features.kdd.KddCsv;
import gatewatch.features.kdd.KddFlag;
import gatewatch.features.truth.Labeller;
import gatewatch.features.truth.TruthFile;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two short recordings of {@code gatewatch lab} kept as fixtures (scan-nmap-syn and
 * bruteforce-ssh-hydra, seed 1): their truth labels every connection, without root or tools.
 */
class LabFixturesTest {
    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(LabFixturesTest.class.getResource("/gatewatch/sensor/lab/fixtures/" + name).toURI());
    }

    @Test
    void theScanIsAThousandPortsweepConnectionsMostlyRejected() throws Exception {
        List<String> rows = new ArrayList<>();
        Labeller l = CaptureLabels.label(fixture("scan-nmap-syn.pcap"), TruthFile.read(fixture("scan-nmap-syn.truth")),
                (r, rule) -> {
                    StringBuilder sb = new StringBuilder();
                    KddCsv.appendFeatures(r.features(), sb);
                    rows.add(sb.append(',').append(rule.label()).append('.').toString());
                });
        assertThat(l.unlabelled()).isZero();
        assertThat(l.perLabel()).containsExactly(java.util.Map.entry("portsweep", 1000L));
        assertThat(rows).allSatisfy(row -> assertThat(KddCsv.parse(row).label()).isEqualTo("portsweep"));
        assertThat(rows).filteredOn(row -> KddCsv.parse(row).record().get(3) == KddFlag.REJ.ordinal()).hasSize(998);
    }

    @Test
    void theBruteForceIsHydrasFiveConnectionsToSsh() throws Exception {
        List<Integer> ports = new ArrayList<>();
        Labeller l = CaptureLabels.label(fixture("bruteforce-ssh-hydra.pcap"),
                TruthFile.read(fixture("bruteforce-ssh-hydra.truth")), (r, rule) -> ports.add(r.conn().respPort()));
        assertThat(l.unlabelled()).isZero();
        assertThat(l.perLabel()).containsExactly(java.util.Map.entry("ssh_guess", 5L));
        assertThat(ports).containsOnly(22);
    }
}
