package gatewatch.sensor.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One log line per interval with the counts since the last, on a clock the test moves. */
class HttpEventsTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final AtomicLong now = new AtomicLong(1_000);
    private final HttpEvents events = new HttpEvents(registry, Duration.ofSeconds(10), now::get);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

    @BeforeEach
    void attach() {
        lines.start();
        ((Logger) HttpEvents.LOG).addAppender(lines);
    }

    @AfterEach
    void detach() {
        ((Logger) HttpEvents.LOG).detachAppender(lines);
    }

    @Test
    void theFirstEventIsLoggedAndTheRestOfTheIntervalOnlyCounted() {
        for (int i = 0; i < 100; i++) {
            events.record(HttpEvent.ABORTED, "/127.0.0.1:" + i, "gone");
        }
        events.record(HttpEvent.HEADER_TIMEOUT, "/127.0.0.1:7", null);
        assertThat(lines.list).hasSize(1);
        assertThat(lines.list.getFirst().getFormattedMessage())
                .startsWith("HTTP endpoint: 1 requests the client abandoned").contains("from /127.0.0.1:0: gone");

        now.addAndGet(Duration.ofSeconds(10).toNanos());
        events.record(HttpEvent.ABORTED, "/127.0.0.1:9", null);
        assertThat(lines.list).hasSize(2);
        assertThat(lines.list.get(1).getFormattedMessage())
                .contains("100 requests the client abandoned")
                .contains("1 connections closed at the header deadline")
                .contains("in the last 10 s");
        assertThat(registry.get("gatewatch.http.requests.aborted").counter().count()).isEqualTo(101);
    }

    @Test
    void routineEventsAreCountedButNotLogged() {
        events.record(HttpEvent.IDLE_TIMEOUT, "/127.0.0.1:1", null);
        events.record(HttpEvent.BODY_REFUSED, "/127.0.0.1:1", null);
        assertThat(lines.list).isEmpty();
        assertThat(registry.get("gatewatch.http.timeouts").tag("deadline", "idle").counter().count()).isEqualTo(1);
        assertThat(registry.get("gatewatch.http.requests.refused").tag("reason", "body_not_allowed").counter().count())
                .isEqualTo(1);
    }
}
