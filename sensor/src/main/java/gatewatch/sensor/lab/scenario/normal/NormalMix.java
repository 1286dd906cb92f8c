package gatewatch.sensor.lab.scenario.normal;

import gatewatch.sensor.lab.LabException;
import gatewatch.sensor.lab.scenario.LabRun;
import gatewatch.sensor.lab.scenario.Scenario;
import gatewatch.sensor.lab.scenario.Tool;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Several normal scenarios at once, as on a real gateway: name lookups, pings, an
 * SSH session, a voice call, a P2P client, MQTT telemetry and NTP polling, each in its own thread
 * with its own seed, starting at seeded offsets of 0-15 s. Each piece declares its own truth;
 * everything is normal.
 */
public final class NormalMix implements Scenario {
    static final long MAX_OFFSET_MILLIS = 15_000;

    /**
     * The pieces, each a whole normal scenario; none of them may use a port another listens on.
     * normal-web is left out: its downloads alone would take the capture past 20 MB.
     */
    static List<Scenario> pieces() {
        return List.of(new NormalDns(), new NormalPing(), new NormalSsh(), new NormalRtp(), new NormalP2p(),
                new NormalMqtt(), new NormalNtp());
    }

    @Override
    public String name() {
        return "normal-mix";
    }

    @Override
    public String summary() {
        return "normal: DNS, ping, SSH, RTP, P2P, MQTT and NTP at once, each starting at a seeded offset";
    }

    @Override
    public List<Tool> tools() {
        Set<Tool> all = new LinkedHashSet<>();
        pieces().forEach(p -> all.addAll(p.tools()));
        return List.copyOf(all);
    }

    @Override
    public void run(LabRun lab) throws Exception {
        List<Scenario> pieces = pieces();
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        for (Scenario piece : pieces) {
            long seed = lab.random().nextLong();
            long offset = lab.random().nextLong(MAX_OFFSET_MILLIS + 1);
            lab.log("mix: " + piece.name() + " starts after " + offset + " ms");
            threads.add(Thread.ofPlatform().name("mix-" + piece.name()).start(() -> {
                try {
                    PieceRun.sleep(offset);
                    piece.run(new PieceRun(lab, piece.name(), seed));
                } catch (Throwable e) {
                    synchronized (failures) {
                        failures.add(new LabException(piece.name() + ": " + e.getMessage(), e));
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        if (!failures.isEmpty()) {
            LabException e = new LabException("normal-mix: " + failures.size() + " pieces failed; first: " + failures.getFirst().getMessage(),
                    failures.getFirst());
            failures.stream().skip(1).forEach(e::addSuppressed);
            throw e;
        }
    }
}
