package gatewatch.sensor.http;

import io.netty.channel.Channel;
import java.util.Iterator;
import java.util.LinkedHashSet;

/**
 * Connections that hold a slot without a request in hand (one read in full and not answered yet):
 * still sending a request, idle between keep-alive requests, or lingering after a refusal; in the
 * order they started to wait, oldest first. When every slot is taken, a new connection takes the slot
 * of the oldest of these instead of being refused: a crowd of slow clients then cannot lock
 * Prometheus out for a whole header deadline, since its scrape arrives in full at once and is
 * past this list before the crowd can push it out. A slow upload gives way the same way. Shared by the event loops, hence the lock.
 */
final class Evictable {
    private final LinkedHashSet<Channel> waiting = new LinkedHashSet<>();

    /** {@code ch} starts waiting now (the newest). */
    synchronized void waiting(Channel ch) {
        waiting.remove(ch);
        waiting.add(ch);
    }

    synchronized void busy(Channel ch) {
        waiting.remove(ch);
    }

    /** The connection that has waited longest, taken off the list, or null when none waits. */
    synchronized Channel pollOldest() {
        Iterator<Channel> it = waiting.iterator();
        if (!it.hasNext()) {
            return null;
        }
        Channel oldest = it.next();
        it.remove();
        return oldest;
    }
}
