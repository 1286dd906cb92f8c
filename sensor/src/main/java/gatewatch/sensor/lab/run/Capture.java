package gatewatch.sensor.lab.run;

import gatewatch.sensor.lab.LabException;
import gatewatch.sensor.lab.net.Topology;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * tcpdump on the gateway's client-side interface: every packet between the client side and the
 * server side crosses it exactly once. Nanosecond timestamps, whole frames, written unbuffered.
 * The kernel hands packets to tcpdump in TPACKET_V3 blocks, retired when full or after tcpdump's
 * 1 s timeout; a block still open when tcpdump stops is lost (a fast scan lost its last 92 probes
 * that way), so {@link #stop()} first lets {@link #QUIET_MILLIS} pass. Immediate mode would avoid
 * the wait but drops packets of fast scans (one ring slot per snapshot length).
 */
final class Capture {
    private static final Pattern COUNT = Pattern.compile("(\\d+) packets? (captured|dropped by kernel)");

    /** Longer than the block timeout, so that the last block has reached tcpdump. */
    static final long QUIET_MILLIS = 2000;

    private final ChildDaemon tcpdump;

    private Capture(ChildDaemon tcpdump) {
        this.tcpdump = tcpdump;
    }

    /** What tcpdump said when it stopped. */
    record Stats(long captured, long dropped) {
    }

    /** Starts tcpdump and waits until it says it is listening. */
    static Capture start(String tcpdumpPath, Topology net, Path pcap, Path log) {
        ChildDaemon d = ChildDaemon.start("tcpdump", List.of("ip", "netns", "exec", net.gatewayNs(), tcpdumpPath,
                "-i", Topology.GATEWAY_CLIENT_IF, "-w", pcap.toString(), "-s", "0", "-U", "-n",
                "--time-stamp-precision=nano", "-B", "32768", "-Z", "root"), log);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!d.output().contains("listening on")) {
            if (!d.isAlive()) {
                throw new LabException("tcpdump did not start: " + gatewatch.sensor.lab.CommandResult.tail(d.output()));
            }
            if (System.nanoTime() > deadline) {
                d.stop();
                throw new LabException("tcpdump did not start listening within 10 s");
            }
            sleep(20);
        }
        return new Capture(d);
    }

    /** Waits {@link #QUIET_MILLIS}, stops tcpdump (it flushes on SIGTERM) and returns its counts. */
    Stats stop() {
        sleep(QUIET_MILLIS);
        tcpdump.stop();
        long captured = -1;
        long dropped = -1;
        Matcher m = COUNT.matcher(tcpdump.output());
        while (m.find()) {
            if (m.group(2).equals("captured")) {
                captured = Long.parseLong(m.group(1));
            } else {
                dropped = Long.parseLong(m.group(1));
            }
        }
        return new Stats(captured, dropped);
    }

    ChildDaemon process() {
        return tcpdump;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabException("interrupted", e);
        }
    }
}
