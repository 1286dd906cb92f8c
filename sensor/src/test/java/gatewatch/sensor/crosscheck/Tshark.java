package gatewatch.sensor.crosscheck;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs tshark for a cross-check; skips the calling test when tshark is not installed. */
final class Tshark {
    private Tshark() {
    }

    static List<String> run(String... args) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/tshark")),
                "skipped: tshark not installed (apt-get install tshark); CI installs it");
        List<String> cmd = new ArrayList<>();
        cmd.add("/usr/bin/tshark");
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("tshark did not finish: " + cmd);
        }
        return new String(out, StandardCharsets.UTF_8).lines().toList();
    }

    /** The conversations of {@code -z conv,PROTO}: one "a:port b:port" key per line, endpoints sorted. */
    static List<String> conversations(Path capture, String proto) throws IOException, InterruptedException {
        return run("-r", capture.toString(), "-q", "-z", "conv," + proto).stream()
                .filter(l -> l.contains("<->"))
                .map(l -> {
                    String[] f = l.trim().split("\\s+");
                    return key(f[0], f[2]);
                })
                .toList();
    }

    static String key(String a, String b) {
        return a.compareTo(b) <= 0 ? a + " " + b : b + " " + a;
    }
}
