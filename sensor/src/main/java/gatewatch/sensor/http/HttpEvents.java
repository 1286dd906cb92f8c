package gatewatch.sensor.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts {@link HttpEvent}s as metrics and logs them as one line at most every {@code interval},
 * with the counts since the previous line and the latest detail. A flood of slow or abandoned
 * connections is then a handful of lines, not a stack trace each (stack traces go to debug).
 * Called from the event loops; the lock guards only the few numbers of the next line.
 */
final class HttpEvents {
    static final Logger LOG = LoggerFactory.getLogger(HttpEvents.class);
    static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);

    private final Map<HttpEvent, Counter> counters = new EnumMap<>(HttpEvent.class);
    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private final Map<HttpEvent, Long> sinceLine = new EnumMap<>(HttpEvent.class);
    private long lastLine;
    private boolean logged;
    private String latest;

    HttpEvents(MeterRegistry registry, Duration interval, LongSupplier nanoClock) {
        for (HttpEvent e : HttpEvent.values()) {
            Counter.Builder b = Counter.builder(e.meter).description(description(e));
            if (e.tagKey != null) {
                b.tag(e.tagKey, e.tagValue);
            }
            counters.put(e, b.register(registry));
        }
        this.intervalNanos = interval.toNanos();
        this.nanoClock = nanoClock;
    }

    /** Counts {@code event}; {@code detail} (the peer, the reason) goes into the next log line. */
    void record(HttpEvent event, Object peer, String detail) {
        counters.get(event).increment();
        if (event.phrase == null) {
            return;
        }
        String line;
        synchronized (this) {
            sinceLine.merge(event, 1L, Long::sum);
            latest = event.name().toLowerCase(java.util.Locale.ROOT) + " from " + peer + (detail == null ? "" : ": " + detail);
            long now = nanoClock.getAsLong();
            if (logged && now - lastLine < intervalNanos) {
                return;
            }
            line = line(now);
            sinceLine.clear();
            lastLine = now;
            logged = true;
        }
        LOG.warn(line);
    }

    private String line(long now) {
        StringJoiner counts = new StringJoiner(", ");
        sinceLine.forEach((e, n) -> counts.add(n + " " + e.phrase));
        String span = logged ? " in the last " + Duration.ofNanos(now - lastLine).toSeconds() + " s" : "";
        return "HTTP endpoint: " + counts + span + "; latest: " + latest;
    }

    /** One text per meter name: the kinds of a family differ by their tag, not their help text. */
    private static String description(HttpEvent e) {
        return switch (e.meter) {
            case "gatewatch.http.connections.rejected" -> "Connections closed at accept: metrics.max_connections were open, "
                    + "each with a request in hand";
            case "gatewatch.http.connections.evicted" -> "Connections waiting for headers or idle, closed to make room "
                    + "for a new one when metrics.max_connections were open";
            case "gatewatch.http.timeouts" -> "Connections closed at a deadline: header, request (metrics.*_timeout) "
                    + "or idle keep-alive";
            case "gatewatch.http.requests.refused" -> "Requests refused at their headers, before their body was read";
            case "gatewatch.http.requests.aborted" -> "Requests the client abandoned before their end";
            default -> "Connections closed on an unexpected error";
        };
    }
}
