package gatewatch.sensor.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import gatewatch.features.decode.FrameHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Live capture on a veth pair made for this test: one end ({@code gwc<pid>a}) stays in the JVM's
 * network namespace and is captured on; the other ({@code gwc<pid>b}) lives in a namespace of its
 * own ({@code gwcap<pid>}). Traffic goes only from the peer's address to ours inside one /30 of
 * 10.250.0.0/16, sent with bash's {@code /dev/udp} (no extra tool). Needs root and iproute2; skipped
 * with a message otherwise. Links and the namespace are removed by name afterwards, also on failure.
 */
class LiveSourceTest {
    private static final long PID = ProcessHandle.current().pid();
    private static final String NETNS = "gwcap" + PID;
    private static final String LOCAL_IF = "gwc" + PID + "a";
    private static final String PEER_IF = "gwc" + PID + "b";
    private static final int SUBNET = (int) (PID % 250) + 1;
    private static final String LOCAL_IP = "10.250." + SUBNET + ".1";
    private static final String PEER_IP = "10.250." + SUBNET + ".2";
    private static final int PORT = 9_999;
    private static final int DATAGRAMS = 50;
    /** Detects a hang; not a performance limit. */
    private static final Duration HANG = Duration.ofSeconds(20);

    @BeforeAll
    static void createVethPair() throws Exception {
        assumeTrue(isRoot(), "skipped: live capture tests need root (or CAP_NET_RAW and CAP_NET_ADMIN)");
        assumeTrue(sh("ip -V").exit() == 0, "skipped: live capture tests need iproute2's ip command");
        cleanUp();
        Result created = sh("ip netns add " + NETNS);
        assumeTrue(created.exit() == 0, "skipped: cannot create a network namespace here: " + created.output());
        for (String cmd : List.of(
                "ip link add " + LOCAL_IF + " type veth peer name " + PEER_IF + " netns " + NETNS,
                "/usr/sbin/sysctl -qw net.ipv6.conf." + LOCAL_IF + ".disable_ipv6=1",
                "ip addr add " + LOCAL_IP + "/30 dev " + LOCAL_IF,
                "ip link set " + LOCAL_IF + " up",
                "ip -n " + NETNS + " link set lo up",
                "ip netns exec " + NETNS + " /usr/sbin/sysctl -qw net.ipv6.conf." + PEER_IF + ".disable_ipv6=1",
                "ip -n " + NETNS + " addr add " + PEER_IP + "/30 dev " + PEER_IF,
                "ip -n " + NETNS + " link set " + PEER_IF + " up")) {
            Result r = sh(cmd);
            assertThat(r.exit()).as(cmd + ": " + r.output()).isZero();
        }
    }

    @AfterAll
    static void cleanUp() throws Exception {
        if (isRoot()) {
            sh("ip netns del " + NETNS);
            sh("ip link del " + LOCAL_IF);
        }
    }

    /** Both ring kinds: TPACKET_V3 blocks (the default) and TPACKET_V2 frames (immediate mode). */
    @ParameterizedTest(name = "immediate={0}")
    @ValueSource(booleans = {false, true})
    @SuppressWarnings("try") // closes early on purpose, to read the statistics after close()
    void capturesEveryFilteredDatagramAndStopsOnTheIdleLink(boolean immediate) throws Exception {
        LiveConfig config = LiveConfig.of(LOCAL_IF).withImmediate(immediate)
                .withFilter("udp and dst port " + PORT + " and src host " + PEER_IP);
        AtomicLong frames = new AtomicLong();
        AtomicLong badFrames = new AtomicLong();
        FrameHandler handler = (buf, off, capLen, wireLen, linkType, tsNanos) -> {
            // Ethernet, IPv4 (0x0800), UDP to our port, the one payload byte "x\n" bash writes.
            boolean ours = linkType == 1 && capLen == wireLen && capLen >= 44
                    && buf[off + 12] == 0x08 && buf[off + 13] == 0x00 && buf[off + 23] == 17
                    && ((buf[off + 36] & 0xff) << 8 | buf[off + 37] & 0xff) == PORT
                    && Math.abs(tsNanos / 1_000_000 - System.currentTimeMillis()) < 60_000;
            (ours ? frames : badFrames).incrementAndGet();
        };
        try (LiveSource source = LiveSource.open(config)) {
            assertThat(source.linkType()).isEqualTo(1);
            assertThat(source.name()).isEqualTo(LOCAL_IF);
            Capture capture = Capture.start(source, handler);

            Result sent = sh("ip netns exec " + NETNS + " bash -c 'for i in $(seq " + DATAGRAMS + "); do"
                    + " echo x > /dev/udp/" + LOCAL_IP + "/" + PORT + "; done'");
            assertThat(sent.exit()).as(sent.output()).isZero();
            long deadline = System.nanoTime() + HANG.toNanos();
            while (frames.get() < DATAGRAMS && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            Thread.sleep(300); // anything extra would show up now
            assertThat(frames.get()).isEqualTo(DATAGRAMS);
            assertThat(badFrames.get()).isZero();

            CaptureStats during = source.stats(); // from this thread, while run() captures
            assertThat(during.received()).isEqualTo(DATAGRAMS);
            assertThat(during.dropped()).isZero();

            long returnedAfterNanos = capture.stopAndAwait(source);
            assertThat(capture.result()).isEqualTo(DATAGRAMS);
            assertThat(returnedAfterNanos).as("run() returned %d ms after stop()", returnedAfterNanos / 1_000_000)
                    .isLessThan(Duration.ofSeconds(1).toNanos());
            source.close();
            assertThat(source.stats()).isEqualTo(during);
        }
    }

    /** The case that hangs a blocking pcap_next_ex: no frame at all arrives, then stop(). */
    @Test
    void stopEndsACaptureThatNeverSawAFrame() throws Exception {
        try (LiveSource source = LiveSource.open(LiveConfig.of(LOCAL_IF).withFilter("udp and port 1"))) {
            java.util.concurrent.atomic.AtomicLong lastIdle = new java.util.concurrent.atomic.AtomicLong();
            long openedAt = System.currentTimeMillis() * 1_000_000L;
            Capture capture = Capture.start(source, new FrameHandler() {
                @Override
                public void onFrame(byte[] buf, int off, int capLen, int wireLen, int linkType, long tsNanos) {
                }

                @Override
                public void idle(long nowNanos) {
                    lastIdle.set(nowNanos);
                }
            });
            Thread.sleep(500);
            assertThat(capture.thread.isAlive()).isTrue();
            long returnedAfterNanos = capture.stopAndAwait(source);
            assertThat(capture.result()).isZero();
            // The idle link still told the handler that time passes (wall-clock nanoseconds).
            assertThat(lastIdle.get()).isGreaterThanOrEqualTo(openedAt);
            assertThat(returnedAfterNanos).as("run() returned %d ms after stop()", returnedAfterNanos / 1_000_000)
                    .isLessThan(Duration.ofSeconds(1).toNanos());
        }
    }

    /** An interface deleted under a running capture ends run() with an exception naming it. */
    @Test
    void anInterfaceThatDisappearsEndsTheRunWithAnError() throws Exception {
        String doomed = "gwc" + PID + "c";
        Result made = sh("ip link add " + doomed + " type veth peer name gwc" + PID + "d netns " + NETNS
                + " && ip link set " + doomed + " up");
        assertThat(made.exit()).as(made.output()).isZero();
        try (LiveSource source = LiveSource.open(LiveConfig.of(doomed))) {
            Capture capture = Capture.start(source, (buf, off, capLen, wireLen, linkType, tsNanos) -> {
            });
            Thread.sleep(200);
            assertThat(sh("ip link del " + doomed).exit()).isZero();
            capture.thread.join(HANG);
            assertThat(capture.thread.isAlive()).as("run() still capturing on a deleted interface").isFalse();
            assertThat(capture.failure.get()).isInstanceOf(LiveCaptureException.class)
                    .hasMessageStartingWith("capture on interface " + doomed + " failed: ");
        } finally {
            sh("ip link del " + doomed);
        }
    }

    @Test
    void closingWhileRunningIsRefused() throws Exception {
        try (LiveSource source = LiveSource.open(LiveConfig.of(LOCAL_IF))) {
            Capture capture = Capture.start(source, (buf, off, capLen, wireLen, linkType, tsNanos) -> {
            });
            while (!capture.started()) {
                Thread.sleep(5);
            }
            Thread.sleep(100);
            assertThatThrownBy(source::close).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("stop()");
            capture.stopAndAwait(source);
        }
    }

    @Test
    void anUnknownInterfaceCannotBeOpened() {
        assertThatThrownBy(() -> LiveSource.open(LiveConfig.of("gwcnosuch0")))
                .isInstanceOfSatisfying(CaptureOpenException.class,
                        e -> assertThat(e.kind()).isEqualTo(CaptureOpenException.Kind.INTERFACE))
                .hasMessage("cannot open interface gwcnosuch0: No such device exists");
    }

    @Test
    void aFilterThatDoesNotCompileIsNamed() {
        assertThatThrownBy(() -> LiveSource.open(LiveConfig.of(LOCAL_IF).withFilter("udp and nonsense 42")))
                .isInstanceOf(CaptureOpenException.class)
                .hasMessage("cannot open interface " + LOCAL_IF + ": filter 'udp and nonsense 42':"
                        + " syntax error in filter expression");
    }

    /** A capture thread running {@link LiveSource#run}. */
    private static final class Capture {
        final Thread thread;
        final AtomicLong delivered = new AtomicLong(-1);
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        volatile boolean running;
        volatile long returnedAt;

        private Capture(LiveSource source, FrameHandler handler) {
            thread = Thread.ofPlatform().name("capture-" + source.name()).unstarted(() -> {
                running = true;
                try {
                    delivered.set(source.run(handler));
                } catch (Throwable t) {
                    failure.set(t);
                } finally {
                    returnedAt = System.nanoTime();
                }
            });
        }

        static Capture start(LiveSource source, FrameHandler handler) {
            Capture c = new Capture(source, handler);
            c.thread.start();
            return c;
        }

        boolean started() {
            return running;
        }

        /** Stops the source and waits (up to the hang limit); the time from stop() to run()'s return. */
        long stopAndAwait(LiveSource source) throws InterruptedException {
            long stoppedAt = System.nanoTime();
            source.stop();
            thread.join(HANG);
            assertThat(thread.isAlive()).as("run() still capturing %s after stop()", HANG).isFalse();
            return returnedAt - stoppedAt;
        }

        long result() {
            assertThat(failure.get()).isNull();
            return delivered.get();
        }
    }

    private record Result(int exit, String output) {
    }

    private static Result sh(String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true).start();
        if (!p.waitFor(HANG.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Result(-1, "timed out: " + command);
        }
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip());
    }

    private static boolean isRoot() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(l -> l.startsWith("Uid:"))
                .anyMatch(l -> l.split("\\s+")[1].equals("0"));
    }
}
