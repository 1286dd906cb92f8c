package gatewatch.synth;

import gatewatch.synth.session.Session;
import gatewatch.synth.session.SessionSource;
import gatewatch.synth.wire.Packet;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Merges the sessions of every scenario into one stream of packets in time order.
 *
 * <p>Only the sessions currently open are held, in a queue keyed by the time of each one's next
 * packet; a session is started when the clock reaches its start and dropped after its last
 * packet. Memory is bounded by the number of sessions open at once (see
 * {@link #peakOpenSessions()}), not by the length of the capture. Ties go to the session opened
 * first, so the order, and the file, depends only on the seed.
 */
final class Scheduler {
    /** Receives the packets in time order. */
    @FunctionalInterface
    interface PacketOut {
        void accept(Packet p, Session from) throws IOException;
    }

    private static final class Entry {
        final Object item;
        final long order;
        long time;

        Entry(Object item, long order, long time) {
            this.item = item;
            this.order = order;
            this.time = time;
        }
    }

    private static final Comparator<Entry> EARLIEST = Comparator.<Entry>comparingLong(e -> e.time)
            .thenComparingLong(e -> e.order);

    private final PriorityQueue<Entry> sources = new PriorityQueue<>(EARLIEST);
    private final PriorityQueue<Entry> open = new PriorityQueue<>(EARLIEST);
    private long opened;
    private int peakOpen;

    Scheduler(List<SessionSource> scenarioSources) {
        for (SessionSource s : scenarioSources) {
            long start = s.nextStartNanos();
            if (start != Long.MAX_VALUE) {
                sources.add(new Entry(s, sources.size(), start));
            }
        }
    }

    /** Runs every session to its end. */
    void run(PacketOut out) throws IOException {
        while (!sources.isEmpty() || !open.isEmpty()) {
            Entry source = sources.peek();
            Entry session = open.peek();
            if (source != null && (session == null || source.time <= session.time)) {
                startSession(sources.poll());
            } else {
                open.poll();
                Session s = (Session) session.item;
                out.accept(s.next(), s);
                session.time = s.nextTime();
                if (session.time != Long.MAX_VALUE) {
                    open.add(session);
                }
            }
        }
    }

    /** The most sessions open at one time during {@link #run}. */
    int peakOpenSessions() {
        return peakOpen;
    }

    private void startSession(Entry e) {
        SessionSource source = (SessionSource) e.item;
        Session s = source.start();
        long first = s.nextTime();
        if (first != Long.MAX_VALUE) {
            open.add(new Entry(s, opened++, first));
            peakOpen = Math.max(peakOpen, open.size());
        }
        e.time = source.nextStartNanos();
        if (e.time != Long.MAX_VALUE) {
            sources.add(e);
        }
    }
}
