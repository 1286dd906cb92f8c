package gatewatch.sensor.forward;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * rsyslogd from Debian's package, run in the foreground by the test with a configuration of its
 * own (no system configuration): imtcp and imudp on free loopback ports, each writing the raw
 * messages it receives to its own file. Killed by its process handle on close.
 */
final class RsyslogReceiver implements AutoCloseable {
    static final Path RSYSLOGD = Path.of("/usr/sbin/rsyslogd");

    private final Path dir;
    private final int tcpPort;
    private final int udpPort;
    private final Process process;

    RsyslogReceiver(Path dir) throws IOException, InterruptedException {
        this.dir = dir;
        this.tcpPort = freeTcpPort();
        this.udpPort = freeUdpPort();
        Files.createDirectories(dir.resolve("work"));
        Path conf = dir.resolve("rsyslog.conf");
        Files.writeString(conf, """
                global(workDirectory="%1$s/work" maxMessageSize="64k")
                module(load="imtcp")
                module(load="imudp")
                template(name="raw" type="string" string="%%rawmsg%%\\n")
                ruleset(name="tcp") { action(type="omfile" file="%1$s/tcp.log" template="raw") }
                ruleset(name="udp") { action(type="omfile" file="%1$s/udp.log" template="raw") }
                input(type="imtcp" address="127.0.0.1" port="%2$d" ruleset="tcp")
                input(type="imudp" address="127.0.0.1" port="%3$d" ruleset="udp" rcvbufSize="8m")
                """.formatted(dir, tcpPort, udpPort));
        process = new ProcessBuilder(RSYSLOGD.toString(), "-n", "-f", conf.toString(), "-i", dir.resolve("rsyslogd.pid").toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("rsyslogd.out").toFile())
                .start();
        try {
            awaitListening();
        } catch (IOException | RuntimeException | InterruptedException e) {
            close();
            throw e;
        }
    }

    private void awaitListening() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        String udpHex = String.format(":%04X ", udpPort);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("rsyslogd exited with " + process.exitValue() + ": "
                        + Files.readString(dir.resolve("rsyslogd.out")));
            }
            boolean udp = Files.readAllLines(Path.of("/proc/net/udp")).stream().anyMatch(l -> l.contains(udpHex));
            boolean tcp;
            try (Socket ignored = new Socket(InetAddress.getByName("127.0.0.1"), tcpPort)) {
                tcp = true;
            } catch (IOException e) {
                tcp = false;
            }
            if (tcp && udp) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("rsyslogd did not listen within 20 s");
    }

    int tcpPort() {
        return tcpPort;
    }

    int udpPort() {
        return udpPort;
    }

    /** The messages received over TCP (or UDP), one a line, as they are so far. */
    List<String> lines(boolean tcp) {
        Path file = dir.resolve(tcp ? "tcp.log" : "udp.log");
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int freeTcpPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
