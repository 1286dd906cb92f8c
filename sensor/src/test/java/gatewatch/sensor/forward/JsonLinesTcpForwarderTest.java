package gatewatch.sensor.forward;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** JSON lines over TCP to the in-test receiver on loopback, including a receiver outage. */
class JsonLinesTcpForwarderTest {
    private EventLoopGroup group;
    private JsonLinesReceiver receiver;

    @BeforeEach
    void setUp() throws Exception {
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        receiver = new JsonLinesReceiver().start();
    }

    @AfterEach
    void tearDown() throws Exception {
        receiver.close();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).sync();
    }

    private JsonLinesTcpForwarder forwarder(int bufferSize) {
        TargetConfig target = TargetConfig.of("jsonl", "127.0.0.1", receiver.port()).withBufferSize(bufferSize)
                .withBackoff(Duration.ofMillis(50), Duration.ofSeconds(1));
        return new JsonLinesTcpForwarder(new JsonLinesTcpConfig(target), group);
    }

    static void await(String what, BooleanSupplier done, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }

    @Test
    @Timeout(60)
    void aBurstArrivesOnceEachAndIsCountedSent() throws Exception {
        int n = 5_000;
        try (JsonLinesTcpForwarder f = forwarder(n)) {
            for (int i = 0; i < n; i++) {
                assertThat(f.offer(TestAlerts.alert(i))).isTrue();
            }
            await("all acknowledged", () -> f.counters().sent() == n, Duration.ofSeconds(30));
            await("all read", () -> receiver.received() == n, Duration.ofSeconds(10));
            assertThat(f.counters().buffered()).isZero();
            assertThat(f.counters().failedTotal()).isZero();
        }
        assertThat(receiver.copies()).hasSize(n).allSatisfy((id, c) -> assertThat(c.get()).isEqualTo(1));
        assertThat(receiver.malformed()).isZero();
    }

    /** What one streaming run saw. */
    private record Run(Set<Integer> accepted, Set<Integer> refused, long maxBuffered, ForwarderCounters counters) {
    }

    /**
     * Streams {@code total} alerts at {@code perSecond}, stopping the receiver after
     * {@code upFor} for {@code downFor}, then waits until everything accepted is settled.
     */
    private Run streamThroughOutage(JsonLinesTcpForwarder f, int total, int perSecond, Duration upFor, Duration downFor)
            throws Exception {
        Set<Integer> accepted = java.util.concurrent.ConcurrentHashMap.newKeySet();
        Set<Integer> refused = java.util.concurrent.ConcurrentHashMap.newKeySet();
        AtomicInteger next = new AtomicInteger();
        AtomicLong maxBuffered = new AtomicLong();
        ScheduledExecutorService sink = Executors.newSingleThreadScheduledExecutor();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        try {
            sink.scheduleAtFixedRate(() -> {
                int id = next.getAndIncrement();
                if (id < total) {
                    (f.offer(TestAlerts.alert(id)) ? accepted : refused).add(id);
                }
            }, 0, 1_000_000 / perSecond, TimeUnit.MICROSECONDS);
            sampler.scheduleAtFixedRate(() -> maxBuffered.accumulateAndGet(f.counters().buffered(), Math::max),
                    0, 5, TimeUnit.MILLISECONDS);
            Thread.sleep(upFor.toMillis());
            int port = receiver.port();
            receiver.stop();
            int sentBefore = next.get();
            Thread.sleep(downFor.toMillis());
            assertThat(next.get() - sentBefore).as("the stream went on during the outage").isGreaterThan(0);
            receiver.start(port);
            await("the stream to end", () -> next.get() >= total, Duration.ofMinutes(2));
            await("everything accepted to be settled", () -> f.counters().buffered() == 0, Duration.ofSeconds(60));
            // Every accepted alert, not a count: resent copies make the count reach the total before the last lines are read.
            await("the receiver to read it", () -> receiver.copies().keySet().containsAll(accepted), Duration.ofSeconds(10));
        } finally {
            sink.shutdownNow();
            sampler.shutdownNow();
        }
        return new Run(accepted, refused, maxBuffered.get(), f.counters());
    }

    /** Copies beyond the first, over all alerts. */
    private long extraCopies() {
        return receiver.copies().values().stream().mapToLong(c -> c.get() - 1).sum();
    }

    /** None lost, and no more copies than the forwarder counted as possibly duplicated. */
    private void assertAllArrivedAndCopiesCounted(Set<Integer> accepted, ForwarderCounters counters) {
        Set<Integer> missing = new HashSet<>(accepted);
        missing.removeAll(receiver.copies().keySet());
        assertThat(missing).as("accepted alerts that never arrived (receiver closed with unread bytes %d times)",
                receiver.closedWithUnread()).isEmpty();
        assertThat(receiver.copies().keySet()).as("only accepted alerts arrive").isEqualTo(accepted);
        assertThat(extraCopies()).as("alerts that arrived twice").isLessThanOrEqualTo(counters.possiblyDuplicated());
        assertThat(counters.sent()).isEqualTo(accepted.size());
        assertThat(receiver.malformed()).isZero();
    }

    @Test
    @Timeout(180)
    void everyAlertArrivesAfterTheReceiverWasDownFor30SecondsAndCopiesAreCounted() throws Exception {
        int perSecond = 100;
        int bufferSize = 5_000; // 30 s of the stream is 3,000
        int total = 45 * perSecond;
        try (JsonLinesTcpForwarder f = forwarder(bufferSize)) {
            Run run = streamThroughOutage(f, total, perSecond, Duration.ofSeconds(5), Duration.ofSeconds(30));
            System.out.printf("outage 30 s: total=%d accepted=%d refused=%d sent=%d possiblyDuplicated=%d duplicated=%d "
                            + "maxBuffered=%d connects=%d receiverConnections=%d%n", total, run.accepted().size(),
                    run.refused().size(), run.counters().sent(), run.counters().possiblyDuplicated(), extraCopies(),
                    run.maxBuffered(), run.counters().connects(), receiver.connections());
            assertThat(run.refused()).isEmpty();
            assertThat(run.accepted()).hasSize(total);
            assertThat(run.maxBuffered()).isBetween(2_000L, (long) bufferSize);
            assertThat(run.counters().failedTotal()).isZero();
            assertAllArrivedAndCopiesCounted(run.accepted(), run.counters());
        }
    }

    @Test
    @Timeout(120)
    void whenTheOutageOutlastsTheBufferTheOverflowIsCountedAndTheRestArrives() throws Exception {
        int perSecond = 100;
        int bufferSize = 200; // 2 s of the stream; the outage is 5 s
        int total = 10 * perSecond;
        try (JsonLinesTcpForwarder f = forwarder(bufferSize)) {
            Run run = streamThroughOutage(f, total, perSecond, Duration.ofSeconds(2), Duration.ofSeconds(5));
            System.out.printf("outage 5 s, buffer 200: total=%d accepted=%d refused=%d sent=%d possiblyDuplicated=%d "
                            + "duplicated=%d maxBuffered=%d%n", total, run.accepted().size(), run.refused().size(),
                    run.counters().sent(), run.counters().possiblyDuplicated(), extraCopies(), run.maxBuffered());
            assertThat(run.refused()).hasSizeGreaterThan(100);
            assertThat(run.counters().failed(FailureCause.BUFFER_FULL)).isEqualTo(run.refused().size());
            assertThat(run.counters().failedTotal()).isEqualTo(run.refused().size());
            assertThat(run.maxBuffered()).isLessThanOrEqualTo(bufferSize);
            assertAllArrivedAndCopiesCounted(run.accepted(), run.counters());
        }
    }

    /**
     * A receiver that is behind and dies with bytes unread in its socket (here about 70 KB, less
     * than the tail sent again) loses none of them: the next connection writes the tail again, and
     * the copies that arrive twice are counted.
     */
    @Test
    @Timeout(60)
    void aReceiverThatDiesWithUnreadBytesGetsThemAgainAndTheCopiesAreCounted() throws Exception {
        int n = 400; // 300 unread alerts (about 70 KB of 230-byte lines) fit in the receiver's socket buffer
        try (JsonLinesTcpForwarder f = forwarder(n)) {
            for (int i = 0; i < 100; i++) {
                f.offer(TestAlerts.alert(i));
            }
            await("the first 100 read", () -> receiver.received() == 100, Duration.ofSeconds(10));
            receiver.pause();
            for (int i = 100; i < n; i++) {
                f.offer(TestAlerts.alert(i));
            }
            await("the kernel to take the rest", () -> f.counters().sent() == n, Duration.ofSeconds(10));
            Thread.sleep(200); // loopback: the rest reaches the receiver's socket
            int port = receiver.port();
            receiver.abort();
            receiver.start(port);
            for (int i = n; i < n + 100; i++) {
                f.offer(TestAlerts.alert(i));
            }
            await("the stream to go on", () -> f.counters().sent() == n + 100, Duration.ofSeconds(20));
            await("the receiver to read it all", () -> receiver.copies().size() == n + 100, Duration.ofSeconds(20));
            System.out.printf("receiver died with unread bytes: sent=%d received=%d possiblyDuplicated=%d duplicated=%d resets=%d%n",
                    f.counters().sent(), receiver.received(), f.counters().possiblyDuplicated(), extraCopies(),
                    f.counters().resets());
            assertThat(receiver.closedWithUnread()).isEqualTo(1);
            assertThat(extraCopies()).isPositive();
            Set<Integer> all = new HashSet<>();
            for (int i = 0; i < n + 100; i++) {
                all.add(i);
            }
            assertAllArrivedAndCopiesCounted(all, f.counters());
        }
    }
}
