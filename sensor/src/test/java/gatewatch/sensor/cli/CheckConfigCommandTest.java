package gatewatch.sensor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CheckConfigCommandTest {
    @TempDir
    Path tmp;

    private record Result(int exitCode, String out, String err) {
    }

    private Result check(String yaml) throws Exception {
        Path file = tmp.resolve("gatewatch.yaml");
        Files.writeString(file, yaml);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = GatewatchCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute("check-config", file.toString());
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void aGoodConfigurationIsOk() throws Exception {
        Result r = check("""
                sensor:
                  name: gw1
                capture:
                  interface: eth1
                  filter: "tcp or udp and not port 22"
                forwarders:
                  - {type: syslog-udp, name: siem, host: 127.0.0.1, port: 514}
                  - {type: http, host: 127.0.0.1, port: 8080}
                """);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().strip()).endsWith("gatewatch.yaml: OK");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void theShippedExampleIsOk() throws Exception {
        Path shipped = Path.of("../packaging/src/main/conf/gatewatch.yaml");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(shipped), "no " + shipped.toAbsolutePath());
        Result r = check(Files.readString(shipped));
        assertThat(r.exitCode()).as(r.err()).isZero();
    }

    @Test
    void aDuplicateKeyIsExit2NamingKeyAndLine() throws Exception {
        Result r = check("capture:\n  snaplen: 1500\n  snaplen: 9000\n");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().lines().toList()).singleElement().satisfies(line ->
                assertThat(line).contains("gatewatch.yaml").contains("capture.snaplen").contains("line 3"));
        assertThat(r.out()).doesNotContain("OK");
    }

    @Test
    void twoForwardersOfOneNameAreExit2() throws Exception {
        Result r = check("""
                forwarders:
                  - {type: syslog-udp, name: siem, host: a, port: 514}
                  - {type: jsonl-tcp, name: siem, host: b, port: 9000}
                """);
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("forwarders[0] and forwarders[1]").contains("'siem'");
    }

    @Test
    void aFilterThatDoesNotCompileIsExit2() throws Exception {
        Result r = check("capture:\n  filter: \"tcp port eleventy\"\n");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("capture.filter").contains("eleventy");
    }

    @Test
    void aMissingModelIsExit3NamingTheKey() throws Exception {
        // A refused model file is exit 3 in every command (issue #12: one code for a bad model).
        Result r = check("detector:\n  model: " + tmp.resolve("nope.gwm") + "\n");
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains("detector.model").contains("nope.gwm");
    }

    @Test
    void aMissingFileIsExit2() {
        StringWriter err = new StringWriter();
        CommandLine cl = GatewatchCommand.commandLine();
        cl.setErr(new PrintWriter(err, true));
        assertThat(cl.execute("check-config", tmp.resolve("absent.yaml").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("absent.yaml");
    }
}
