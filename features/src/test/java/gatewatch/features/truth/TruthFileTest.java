package gatewatch.features.truth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gatewatch.features.conn.ConnectionSummary;
import gatewatch.features.conn.FinishReason;
import gatewatch.features.conn.IpAddress;
import gatewatch.features.kdd.KddFlag;
import gatewatch.features.kdd.ProtocolType;
import gatewatch.features.kdd.Service;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class TruthFileTest {
    private static final String FILE = """
            # gatewatch truth v1
            # start end proto orig resp orig_port resp_port category label
            1741000000.000000 1741000060.000000 tcp 10.1.1.5 10.1.1.80 * 21 r2l guess_passwd
            1741000000 1741000060.5 tcp 10.1.1.0/24 10.1.1.80 * 1-1024 probe portsweep

            * * icmp 10.1.2.7 * * * dos smurf dir=any
            * * * * * * * normal normal
            """;

    @Test
    void firstMatchingRuleWins() throws IOException {
        Truth truth = TruthFile.read(new StringReader(FILE), "t");
        assertThat(truth.rules()).hasSize(4);
        assertThat(truth.ruleFor(conn(1741000010.0, 6, "10.1.1.5", 40000, "10.1.1.80", 21)).label()).isEqualTo("guess_passwd");
        assertThat(truth.ruleFor(conn(1741000010.0, 6, "10.1.1.6", 40000, "10.1.1.80", 21)).label()).isEqualTo("portsweep");
        // The port range and the time bound are inclusive; past the end falls through to the catch-all.
        assertThat(truth.ruleFor(conn(1741000060.5, 6, "10.1.1.6", 40000, "10.1.1.80", 1024)).label()).isEqualTo("portsweep");
        assertThat(truth.ruleFor(conn(1741000060.500001, 6, "10.1.1.6", 40000, "10.1.1.80", 1024)).label()).isEqualTo("normal");
        assertThat(truth.ruleFor(conn(1741000010.0, 6, "10.1.1.6", 40000, "10.1.1.80", 1025)).label()).isEqualTo("normal");
        // dir=any: the victim as responder matches too.
        assertThat(truth.ruleFor(conn(5.0, 1, "10.1.9.9", 0, "10.1.2.7", 0)).label()).isEqualTo("smurf");
        assertThat(truth.ruleFor(conn(5.0, 1, "10.1.2.7", 8, "10.1.9.9", 0)).label()).isEqualTo("smurf");
    }

    @Test
    void directionIsAsGivenUnlessAny() throws IOException {
        Truth truth = TruthFile.read(new StringReader("* * tcp 10.0.0.1 10.0.0.2 * 22 r2l ssh_guess\n"), "t");
        assertThat(truth.ruleFor(conn(1, 6, "10.0.0.1", 5000, "10.0.0.2", 22))).isNotNull();
        assertThat(truth.ruleFor(conn(1, 6, "10.0.0.2", 22, "10.0.0.1", 5000))).isNull();
        assertThat(truth.ruleFor(conn(1, 17, "10.0.0.1", 5000, "10.0.0.2", 22))).isNull();
    }

    @Test
    void cidrBlocksOfBothFamilies() {
        AddressBlock v4 = AddressBlock.parse("10.77.1.0/24");
        assertThat(v4.matches(ip("10.77.1.255"))).isTrue();
        assertThat(v4.matches(ip("10.77.2.0"))).isFalse();
        assertThat(v4.matches(ip("::ffff:10.77.1.3"))).isTrue();
        AddressBlock all4 = AddressBlock.parse("0.0.0.0/0");
        assertThat(all4.matches(ip("192.0.2.1"))).isTrue();
        assertThat(all4.matches(ip("2001:db8::1"))).isFalse();
        AddressBlock v6 = AddressBlock.parse("2001:db8::/32");
        assertThat(v6.matches(ip("2001:db8:ffff::1"))).isTrue();
        assertThat(v6.matches(ip("2001:db9::1"))).isFalse();
        assertThat(AddressBlock.parse("10.0.0.1").matches(ip("10.0.0.2"))).isFalse();
    }

    @Test
    void writesWhatItReads() throws IOException {
        Truth truth = TruthFile.read(new StringReader(FILE), "t");
        StringWriter out = new StringWriter();
        TruthFile.write(out, truth.rules(), List.of("scenario test"));
        assertThat(out.toString()).startsWith(TruthFile.MAGIC + "\n# scenario test\n")
                .contains("1741000000.000000 1741000060.500000 tcp 10.1.1.0/24 10.1.1.80 * 1-1024 probe portsweep\n")
                .contains("* * icmp 10.1.2.7 * * * dos smurf dir=any\n");
        assertThat(TruthFile.read(new StringReader(out.toString()), "again")).isEqualTo(truth);
    }

    @Test
    void errorsNameTheLineAndTheReason() {
        assertBad("1 2 tcp 10.0.0.1 * * * dos neptune.", "t:1: label 'neptune.' must be written without the trailing dot");
        assertBad("1 2 tcp 10.0.0.1 * * * attack neptune", "t:1: category must be normal, dos, probe, r2l or u2r");
        assertBad("# c\n1 2 tcp host.example * * * dos neptune", "t:2: address must be an IPv4 or IPv6 literal");
        assertBad("1 2 sctp * * * * dos neptune", "t:1: protocol must be tcp, udp, icmp or *");
        assertBad("1 2 tcp * * 80-20 * dos neptune", "t:1: port range must lie in 0-65535 with low <= high");
        assertBad("1 2 tcp * * * * dos", "t:1: expected 9 fields");
        assertBad("3 2 tcp * * * * dos neptune", "t:1: start 3.000000 is after end 2.000000");
        assertBad("1 2 tcp * * * * normal web", "t:1: label 'normal' goes with category normal and no other");
        assertBad("1 2 tcp * * * * dos neptune dir=up", "t:1: unknown option 'dir=up'");
        assertBad("# gatewatch truth v2\n", "t:1: unsupported version");
    }

    private static void assertBad(String text, String message) {
        assertThatThrownBy(() -> TruthFile.read(new StringReader(text), "t"))
                .isInstanceOf(TruthFormatException.class).hasMessageStartingWith(message);
    }

    private static IpAddress ip(String literal) {
        return IpAddress.of(InetAddress.ofLiteral(literal));
    }

    private static ConnectionSummary conn(double start, int proto, String orig, int origPort, String resp, int respPort) {
        long s = Math.round(start * 1e6) * 1000;
        return new ConnectionSummary(s, s, ip(orig), origPort, ip(resp), respPort, proto, ProtocolType.ofIpProtocol(proto),
                Service.OTHER, KddFlag.SF, KddFlag.SF, "", 0, 0, 1, 0, 40, 0, 0, false, 0, 0, FinishReason.TIMEOUT);
    }
}
