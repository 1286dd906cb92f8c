package gatewatch.sensor.lab.scenario;

import gatewatch.sensor.lab.scenario.attack.ScanNmapSyn;
import gatewatch.sensor.lab.scenario.normal.NormalBulk;
import gatewatch.sensor.lab.scenario.normal.NormalDns;
import gatewatch.sensor.lab.scenario.normal.NormalFtp;
import gatewatch.sensor.lab.scenario.normal.NormalMail;
import gatewatch.sensor.lab.scenario.normal.NormalMix;
import gatewatch.sensor.lab.scenario.normal.NormalMqtt;
import gatewatch.sensor.lab.scenario.normal.NormalNtp;
import gatewatch.sensor.lab.scenario.normal.NormalP2p;
import gatewatch.sensor.lab.scenario.normal.NormalPing;
import gatewatch.sensor.lab.scenario.normal.NormalRtp;
import gatewatch.sensor.lab.scenario.normal.NormalSsh;
import gatewatch.sensor.lab.scenario.normal.NormalTelnet;
import gatewatch.sensor.lab.scenario.normal.NormalWeb;
import java.util.List;

/** Every scenario of {@code gatewatch lab}, in the order {@code lab list} and {@code lab record --all} use. */
public final class Scenarios {
    private Scenarios() {
    }

    /** Add a new scenario here (one line), normal ones first. */
    public static List<Scenario> all() {
        return List.of(
                new NormalWeb(),
                new NormalSsh(),
                new NormalP2p(),
                new NormalRtp(),
                new NormalPing(),
                new NormalDns(),
                new NormalMail(),
                new NormalFtp(),
                new NormalTelnet(),
                new NormalMqtt(),
                new NormalNtp(),
                new NormalBulk(),
                new NormalMix(),
                new ScanNmapSyn());
    }

    /** The scenario called {@code name}, or null. */
    public static Scenario byName(String name) {
        return all().stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
    }
}
