package gatewatch.sensor.forward;

import java.util.Locale;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs the alerts a forwarder turns away because its buffer is full, once per episode: one line
 * when the first is dropped, one with the count and the duration when an alert is taken again
 * (or the forwarder closes). The counts add up to {@code gatewatch.forwarder.failed{cause=buffer_full}}.
 *
 * <p>Called by the thread that offers alerts (the sink's), and by {@link #close()} after it stopped.
 */
final class DropEpisodes {
    private static final Logger LOG = LoggerFactory.getLogger(DropEpisodes.class);

    private final String name;
    private final int capacity;
    private final LongSupplier nanoClock;
    private boolean dropping;
    private long dropped;
    private long startNanos;

    DropEpisodes(String name, int capacity, LongSupplier nanoClock) {
        this.name = name;
        this.capacity = capacity;
        this.nanoClock = nanoClock;
    }

    void dropped() {
        if (!dropping) {
            dropping = true;
            dropped = 0;
            startNanos = nanoClock.getAsLong();
            LOG.warn("forwarder {}: buffer full ({} alerts held), dropping alerts", name, capacity);
        }
        dropped++;
    }

    void taken() {
        if (dropping) {
            end("buffer has room again");
        }
    }

    /** The forwarder closes: an episode still going is reported now. */
    void close() {
        if (dropping) {
            end("closing");
        }
    }

    private void end(String why) {
        dropping = false;
        LOG.warn("forwarder {}: {}; {} alerts dropped (buffer full) in {} s", name, why, dropped,
                String.format(Locale.ROOT, "%.1f", (nanoClock.getAsLong() - startNanos) / 1e9));
    }
}
