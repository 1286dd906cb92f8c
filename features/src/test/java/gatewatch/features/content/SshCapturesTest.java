package gatewatch.features.content;

import static org.assertj.core.api.Assertions.assertThat;

import gatewatch.features.kdd.KddFeature;
import gatewatch.features.kdd.Service;
import gatewatch.features.testing.CaptureFiles;
import gatewatch.features.testing.SharedData;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Failed and successful SSH logins inferred in the shared captures (../shared/pcaps), checked
 * against what Zeek's SSH analyzer logs for the same traces (its btest baselines
 * {@code scripts.base.protocols.ssh.basic/ssh.log}: {@code auth_success}, {@code auth_attempts}).
 */
class SshCapturesTest {
    private static List<ContentHarness.Finished> ssh(String capture) throws IOException {
        ContentHarness h = new ContentHarness(ContentConfig.defaults(), 10_000);
        CaptureFiles.read(SharedData.require("pcaps/" + capture), h::frame);
        h.flush();
        return h.finished.stream().filter(f -> f.conn().service() == Service.SSH).toList();
    }

    /** Failed logins by client port, for connections with any. */
    private static Map<Integer, Integer> failuresByPort(List<ContentHarness.Finished> conns) {
        Map<Integer, Integer> m = new TreeMap<>();
        for (ContentHarness.Finished f : conns) {
            int n = (int) f.get(KddFeature.NUM_FAILED_LOGINS);
            if (n > 0) {
                m.put(f.conn().origPort(), n);
            }
        }
        return m;
    }

    @Test
    void everyPasswordGuessingConnectionHasFailedLogins() throws IOException {
        // Zeek's sshguess trace: 11 connections from one client, each "none", one RSA key query
        // refused, then one to three passwords refused; no login. Zeek's auth_attempts count the
        // refused keys too (28); the passwords alone are 17.
        List<ContentHarness.Finished> ssh = ssh("attack/zeek-ssh-password-guessing.pcap");
        assertThat(ssh).hasSize(11);
        assertThat(ssh).allSatisfy(f -> assertThat(f.get(KddFeature.NUM_FAILED_LOGINS)).isBetween(1.0, 3.0));
        assertThat(ssh).allSatisfy(f -> assertThat(f.get(KddFeature.LOGGED_IN)).isZero());
        assertThat(ssh.stream().mapToDouble(f -> f.get(KddFeature.NUM_FAILED_LOGINS)).sum()).isEqualTo(17);
    }

    @Test
    void normalSessionsMatchZeeksAuthenticationOutcomes() throws IOException {
        List<ContentHarness.Finished> ssh = ssh("normal/zeek-ssh-sessions.pcap");
        // 20 connections to port 22 (two more on 2200 and 41644 are not service ssh); nine SSH-1.
        assertThat(ssh).hasSize(20);
        assertThat(ssh).filteredOn(f -> f.get(KddFeature.LOGGED_IN) == 1)
                .extracting(f -> f.conn().origPort())
                .containsExactlyInAnyOrder(57189, 59246, 41164, 33910, 52294, 51489, 58646, 58649);
        // Zeek's auth_attempts less its success were 51880: 0 (2 with its refused keys, see below),
        // 57189: 2, 59246: 1, 41164: 4, 41268: 6, 52294: 1, 51489: 2, 58641: 1. Those count refused
        // RSA keys, which are no guesses and are not counted here (SshAuthInference.KEY_OFFER_MIN);
        // what is left are the refusals of smaller requests. On 51880 a banner came with the answer
        // to "none", then two keys and one keyboard-interactive password were refused and the user
        // left at the next prompt.
        assertThat(failuresByPort(ssh)).isEqualTo(Map.of(41164, 2, 41268, 4, 51489, 1));
    }

    @Test
    void ndpiSessionLogsInAfterTwoRefusals() throws IOException {
        // aes128-ctr + hmac: "none", then three requests of one size, two refused, the third accepted.
        List<ContentHarness.Finished> ssh = ssh("normal/ndpi-ssh.pcap");
        assertThat(ssh).hasSize(1);
        assertThat(ssh.getFirst().content()).isEqualTo("num_failed_logins=2 logged_in=1");
    }
}
