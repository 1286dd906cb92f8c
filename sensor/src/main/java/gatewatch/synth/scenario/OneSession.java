package gatewatch.synth.scenario;

import gatewatch.synth.session.Session;
import gatewatch.synth.session.SessionSource;

/** A source of a single session: a flood or a scan is one long session whose steps are its probes. */
final class OneSession implements SessionSource {
    private final long start;
    private Session session;

    OneSession(long start, Session session) {
        this.start = start;
        this.session = session;
    }

    @Override
    public long nextStartNanos() {
        return session == null ? Long.MAX_VALUE : start;
    }

    @Override
    public Session start() {
        Session s = session;
        session = null;
        return s;
    }
}
