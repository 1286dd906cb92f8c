package gatewatch.synth.session;

import gatewatch.synth.net.Host;
import java.util.TreeSet;

/**
 * What one scenario has produced so far: the records its sessions make, the frames written,
 * the first and last frame time, and the addresses on each side. The scheduler counts frames;
 * the scenario counts records and addresses as it starts sessions.
 */
public final class Tally {
    private long records;
    private long frames;
    private long firstNanos = Long.MAX_VALUE;
    private long lastNanos = Long.MIN_VALUE;
    private final TreeSet<Integer> attackers = new TreeSet<>(Integer::compareUnsigned);
    private final TreeSet<Integer> victims = new TreeSet<>(Integer::compareUnsigned);

    public void addRecords(int n) {
        records += n;
    }

    public void frame(long timeNanos) {
        frames++;
        firstNanos = Math.min(firstNanos, timeNanos);
        lastNanos = Math.max(lastNanos, timeNanos);
    }

    public void attacker(Host h) {
        attackers.add(h.address());
    }

    public void victim(Host h) {
        victims.add(h.address());
    }

    public long records() {
        return records;
    }

    public long frames() {
        return frames;
    }

    public long firstNanos() {
        return firstNanos;
    }

    public long lastNanos() {
        return lastNanos;
    }

    /** Attacker addresses, in address order. */
    public TreeSet<Integer> attackers() {
        return attackers;
    }

    public TreeSet<Integer> victims() {
        return victims;
    }
}
